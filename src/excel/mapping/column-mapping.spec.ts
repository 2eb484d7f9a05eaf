import { describe, expect, it } from '@jest/globals';
import { CHAINS, REGIONS } from '../../../seeds/reference-data.js';
import { fieldValueCheck } from '../import-preparation.js';
import { LEDGER_FIELDS, recogniseLedgerColumn } from '../parsing/columns.js';
import { LEDGER_TABLE } from '../parsing/ledger-rows.js';
import { ChainLookup, RegionLookup } from '../parsing/reference-lookup.js';
import { locateTables } from '../parsing/table.js';
import type { SheetGrid } from '../parsing/workbook-reader.js';
import { mappingView, parseMapping, similarity, withMapping } from './column-mapping.js';

const sheet = (rows: (string | number)[][]): SheetGrid => ({
  name: '台账',
  hidden: false,
  rows: rows.map((cells, r) => [r + 1, cells.map((v, c) => [c + 1, typeof v === 'number' ? { t: 'n' as const, v } : { t: 's' as const, v }])]),
});
const fits = fieldValueCheck({ regions: new RegionLookup(REGIONS), chains: new ChainLookup(CHAINS) });

describe('column mappings', () => {
  it('parses { "表头": "field" | null }, keyed by the normalised header', () => {
    expect([...parseMapping('{"工程 名称":"name","备注（一）":null}', LEDGER_FIELDS)]).toEqual([
      ['工程名称', 'name'],
      ['备注(一)', null],
    ]);
    expect(parseMapping(undefined, LEDGER_FIELDS).size).toBe(0);
  });

  it('refuses malformed JSON, non-objects and unknown fields with a 400 naming them', () => {
    for (const raw of ['{', '[]', '"name"', '{"":"name"}', 42]) expect(() => parseMapping(raw, LEDGER_FIELDS)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseMapping('{"工程名称":"projectName"}', LEDGER_FIELDS)).toThrow(/projectName/);
  });

  it('measures likeness by shared characters (Dice)', () => {
    expect(similarity('项目业主', '项目业主')).toBe(1);
    expect(similarity('工程名称', '项目名称')).toBe(0.5);
    expect(similarity('开建日期', '开工日期')).toBe(0.75);
    expect(similarity('备注', '项目名称')).toBe(0);
  });

  it('proposes a field for each header it does not know, raised or lowered by the column\'s values', () => {
    const grid = sheet([
      ['工程名称', '项目业主', '所属板块', '投资额（万元）', '牵头单位', '备忘'],
      ['示例一', '甲公司', '东昌府区', '3,000', '市发改委', '无'],
      ['示例二', '乙公司', '临清市', '1.5亿元', '市工信局', '无'],
    ]);
    const { unrecognised } = locateTables([grid], LEDGER_TABLE);
    const view = mappingView(unrecognised, LEDGER_FIELDS, { given: new Map(), saved: new Map(), rules: recogniseLedgerColumn }, fits);
    expect(view.map((c) => [c.header, c.source, c.proposal])).toEqual([
      ['工程名称', 'none', { field: 'name', confidence: 1 }],
      ['项目业主', 'none', { field: 'owner', confidence: 1 }],
      // 所属板块 shares little with any field's words, but its values are places.
      ['所属板块', 'none', { field: 'region', confidence: 0.9 }],
      ['投资额（万元）', 'none', { field: 'total', confidence: 1 }],
      ['牵头单位', 'none', null],
      ['备忘', 'none', null],
    ]);
  });

  it('reads a sheet through a given mapping over a kept one over the rules', () => {
    const grid = sheet([
      ['工程名称', '项目业主', '总投资（万元）', '备注'],
      ['示例一', '甲公司', 100, '说明'],
    ]);
    const given = parseMapping('{"工程名称":"name","总投资（万元）":null}', LEDGER_FIELDS);
    const saved = parseMapping('{"项目业主":"owner","工程名称":"content"}', LEDGER_FIELDS);
    const spec = withMapping(LEDGER_TABLE, given, saved);
    const { tables } = locateTables([grid], spec);
    expect(tables[0].columns.map((c) => [c.label, c.key])).toEqual([
      ['工程名称', 'name'],
      ['项目业主', 'owner'],
      ['总投资（万元）', null],
      ['备注', null],
    ]);
    const view = mappingView(tables, LEDGER_FIELDS, { given, saved, rules: recogniseLedgerColumn }, fits);
    expect(view.map((c) => [c.header, c.field, c.source])).toEqual([
      ['工程名称', 'name', 'given'],
      ['项目业主', 'owner', 'saved'],
      ['总投资（万元）', null, 'given'],
      ['备注', null, 'none'],
    ]);
  });

  it('finds a header of two rows by the label the result shows (投资额 over 亿元 → 投资额（亿元）)', () => {
    const grid = sheet([
      ['项目名称', '建设单位', '投资额'],
      ['', '', '亿元'],
      ['示例一', '甲公司', 1.5],
    ]);
    grid.rows[1][1] = [[3, { t: 's', v: '亿元' }]];
    const given = parseMapping('{"投资额（亿元）":"total"}', LEDGER_FIELDS);
    const { tables } = locateTables([grid], withMapping(LEDGER_TABLE, given, new Map()));
    expect(tables[0].columns.map((c) => [c.label, c.key, c.unit])).toEqual([
      ['项目名称', 'name', null],
      ['建设单位', 'owner', null],
      ['投资额（亿元）', 'total', 'yi'],
    ]);
  });
});
