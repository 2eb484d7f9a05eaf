import { describe, expect, it } from '@jest/globals';
import { MIN_PASSWORD_LENGTH } from '../auth/index.js';
import { EVIDENCE, JOB_PHASES, MAPPING_SOURCES, SKIP_KINDS } from '../excel/index.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, EVENT_LABELS, EVENT_TYPES, STAGE_LABELS, STAGES } from '../lifecycle/index.js';
import { LEAD_EVENT_TYPES, LEAD_STATUS_LABELS } from '../attraction/index.js';
import * as labels from './labels.js';
import { APPROVAL_COLUMNS } from '../project-records/index.js';

describe('labels', () => {
  it('re-exports the lifecycle labels themselves, not copies', () => {
    expect(labels.STAGE_LABELS).toBe(STAGE_LABELS);
    expect(labels.EVENT_LABELS).toBe(EVENT_LABELS);
    expect(labels.APPROVAL_LABELS).toBe(APPROVAL_LABELS);
  });

  it('names every stage for the stage filter, and 实施 for both implementation stages', () => {
    for (const stage of STAGES) expect(labels.STAGE_FILTER_LABELS[stage]).toBe(STAGE_LABELS[stage]);
    expect(labels.STAGE_FILTER_LABELS.implementation).toBe('实施（全部）');
    expect(Object.values(labels.STEP_LABELS)).toEqual(['储备', '准备', '实施', '竣工']);
  });

  it('names the stored approval columns a change history lists, with the full approval names', () => {
    for (const key of APPROVAL_KEYS) expect(labels.HISTORY_FIELD_LABELS[APPROVAL_COLUMNS[key]]).toBe(APPROVAL_LABELS[key]);
    expect(labels.HISTORY_FIELD_LABELS.approvalFiling).toBe('立项（备案/核准）');
    expect(labels.HISTORY_FIELD_LABELS.regionCode).toBe(labels.FIELD_LABELS.region);
    expect(labels.HISTORY_FIELD_LABELS.totalInvestmentWan).toBe(labels.FIELD_LABELS.totalInvestment);
  });

  it('calls the project code 项目编码, as the ledger does', () => {
    expect(labels.FIELD_LABELS.code).toBe('项目编码');
    expect(labels.HISTORY_FIELD_LABELS.code).toBe('项目编码');
  });

  it('has the words for each event\'s fields for every event', () => {
    expect(Object.keys(labels.EVENT_FIELD_LABELS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('states the rule for a new password with the length the server checks', () => {
    expect(labels.PASSWORD_FORM_LABELS.rule).toContain(`至少 ${MIN_PASSWORD_LENGTH} 个字符`);
    expect(labels.PASSWORD_FORM_LABELS.currentPassword).toBe(labels.FIELD_LABELS.currentPassword);
  });

  it('names every code an import answers with, and nothing else', () => {
    expect(Object.keys(labels.EVIDENCE_LABELS)).toEqual([...EVIDENCE]);
    expect(Object.keys(labels.SKIPPED_LABELS)).toEqual([...SKIP_KINDS]);
    expect(Object.keys(labels.MAPPING_SOURCE_LABELS)).toEqual([...MAPPING_SOURCES]);
    expect(Object.keys(labels.IMPORT_PHASE_LABELS)).toEqual([...JOB_PHASES]);
  });

  it('re-exports the 招商 words themselves, and has each lead event\'s field words', () => {
    expect(labels.LEAD_STATUS_LABELS).toBe(LEAD_STATUS_LABELS);
    expect(Object.values(labels.LEAD_STATUS_LABELS)).toEqual(['在谈', '签约', '落地', '终止']);
    expect(Object.keys(labels.LEAD_EVENT_FIELD_LABELS).sort()).toEqual([...LEAD_EVENT_TYPES].sort());
    expect(Object.values(labels.LEAD_ORIGIN_LABELS)).toEqual(['省内', '省外', '境外']);
  });
});
