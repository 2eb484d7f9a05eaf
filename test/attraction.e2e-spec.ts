import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { SIGN, leadBody } from './factories/lead.factory.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * 招商 over HTTP on a real database built by the migrations (docs/domain/attraction.md): leads
 * recorded in scope, every transition of the lead machine and every refusal (nothing changes
 * on a refusal), 落地 making or linking a project, 到位资金 revisions, the chain team's
 * indicators and 差异化指标 note, the chain page, and replays as of an instant.
 */
type Client = ReturnType<TestApp['clientWith']>;
type Body = Record<string, unknown>;

describe('招商 leads, funds and chain filings over HTTP', () => {
  let t: TestApp;
  let chain: Client; // green-chemical team
  let otherChain: Client; // bearings team
  let region: Client; // 东昌府区 operator
  let auditor: Client;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    for (const user of [
      { username: 'chain-gc', password: 'chain-password-gc', role: 'chain', chain: 'green-chemical' },
      { username: 'chain-br', password: 'chain-password-br', role: 'chain', chain: 'bearings' },
      { username: 'region-dc', password: 'region-password-dc', role: 'region', region: '371502' },
      { username: 'auditor-z', password: 'auditor-password-z', role: 'auditor' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    chain = t.clientWith(await t.login('chain-gc', 'chain-password-gc'));
    otherChain = t.clientWith(await t.login('chain-br', 'chain-password-br'));
    region = t.clientWith(await t.login('region-dc', 'region-password-dc'));
    auditor = t.clientWith(await t.login('auditor-z', 'auditor-password-z'));
  });
  afterAll(async () => t.close());

  const create = async (client: Client = t.client, overrides: Body = {}) => {
    const res = await client.post('/api/leads').send(leadBody(overrides));
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return res.body as { id: number; version: number; status: string };
  };
  const event = (id: number, body: Body, client: Client = t.client) => client.post(`/api/leads/${id}/events`).send(body);
  const signed = async (client: Client = t.client, overrides: Body = {}) => {
    const lead = await create(client, overrides);
    expect((await event(lead.id, SIGN, client)).status).toBe(200);
    return lead.id;
  };
  /** The request is refused with `status` (and these codes) and the database is exactly as before. */
  const refusedUnchanged = async (send: () => request.Test | Promise<request.Response>, status: number, codes?: string[]) => {
    const before = await databaseState(t.dataSource);
    const res = await send();
    expect([res.status, res.body.statusCode]).toEqual([status, status]);
    if (codes) expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(codes);
    expect(await databaseState(t.dataSource)).toEqual(before);
    return res;
  };

  describe('recording leads', () => {
    it('records a negotiating lead with every field, and audits it', async () => {
      const res = await t.client.post('/api/leads').send(leadBody({ name: '  高端尼龙新材料项目 ', investor: '浙江某新材料集团', origin: 'outOfProvince', intendedInvestment: 150_000 }));
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        name: '高端尼龙新材料项目',
        investor: '浙江某新材料集团',
        origin: 'outOfProvince',
        chain: 'green-chemical',
        region: '371502',
        intendedInvestment: 150_000,
        contact: '张经理 13800000000',
        status: 'negotiating',
        statusLabel: '在谈',
        allowedEvents: ['SIGN', 'TERMINATE'],
        signedAmount: null,
        projectId: null,
        funded: 0,
        version: 1,
        createdBy: 'admin',
        transitions: [],
        funds: [],
        project: null,
      });
      const [entry] = await t.dataSource.query(`SELECT entity, entity_id, action FROM audit_entry ORDER BY seq DESC LIMIT 1`);
      expect(entry).toEqual({ entity: 'lead', entity_id: String(res.body.id), action: 'create' });
    });

    it('a chain team records in its chain, a county operator in its county: the scope fills the field and refuses another', async () => {
      const byChain = await chain.post('/api/leads').send(leadBody({ chain: undefined, region: '371581' }));
      expect(byChain.status).toBe(201);
      expect(byChain.body).toMatchObject({ chain: 'green-chemical', region: '371581' });
      const byRegion = await region.post('/api/leads').send(leadBody({ region: undefined, chain: 'bearings' }));
      expect(byRegion.body).toMatchObject({ chain: 'bearings', region: '371502' });
      await refusedUnchanged(() => chain.post('/api/leads').send(leadBody({ chain: 'bearings' })), 403, ['outOfScope']);
      await refusedUnchanged(() => region.post('/api/leads').send(leadBody({ region: '371581' })), 403, ['outOfScope']);
      await refusedUnchanged(() => auditor.post('/api/leads').send(leadBody()), 403);
    });

    it('refuses bad input with the one error shape, and changes nothing', async () => {
      await refusedUnchanged(() => t.client.post('/api/leads').send(leadBody({ chain: undefined, region: undefined })), 422, ['chainRequired', 'regionRequired']);
      await refusedUnchanged(() => t.client.post('/api/leads').send(leadBody({ chain: 'steel', region: '999999' })), 422, ['unknownChain', 'unknownRegion']);
      await refusedUnchanged(() => t.client.post('/api/leads').send(leadBody({ origin: 'mars' })), 400, ['isIn']);
      await refusedUnchanged(() => t.client.post('/api/leads').send(leadBody({ intendedInvestment: 12.5 })), 422, ['isInt']);
      await refusedUnchanged(() => t.client.post('/api/leads').send(leadBody({ intendedInvestment: '100' })), 400);
      await refusedUnchanged(() => t.client.post('/api/leads').send(leadBody({ investor: '   ' })), 422, ['matches']);
      await refusedUnchanged(() => t.client.post('/api/leads').send({ ...leadBody(), status: 'signed' }), 400, ['unknownField']);
    });

    it('lists leads in the caller\'s scope, filtered and paged; reads outside the scope are 404', async () => {
      const mine = await create(t.client, { chain: 'green-chemical', region: '371502' });
      const theirs = await create(t.client, { chain: 'bearings', region: '371581' });
      const list = (await chain.get('/api/leads?pageSize=500')).body;
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((l: { chain: string }) => l.chain === 'green-chemical')).toBe(true);
      expect((await region.get('/api/leads?pageSize=500')).body.items.every((l: { region: string }) => l.region === '371502')).toBe(true);
      expect((await chain.get('/api/leads?chain=bearings')).body.total).toBe(0);
      const filtered = (await t.client.get('/api/leads?chain=bearings&region=371581&status=negotiating')).body;
      expect(filtered.items.map((l: { id: number }) => l.id)).toContain(theirs.id);
      expect(filtered.items.every((l: { chain: string; status: string }) => l.chain === 'bearings' && l.status === 'negotiating')).toBe(true);
      expect((await chain.get(`/api/leads/${mine.id}`)).status).toBe(200);
      expect((await chain.get(`/api/leads/${theirs.id}`)).status).toBe(404);
      expect((await region.get(`/api/leads/${theirs.id}`)).status).toBe(404);
      expect((await auditor.get(`/api/leads/${theirs.id}`)).status).toBe(200);
      expect((await t.client.get('/api/leads/999999')).status).toBe(404);
      expect((await t.client.get('/api/leads?status=done')).status).toBe(400);
    });
  });

  describe('the lead machine over HTTP', () => {
    /** A lead brought to `status` through the API. */
    const leadIn = async (status: 'negotiating' | 'signed' | 'landed' | 'terminated'): Promise<number> => {
      const { id } = await create();
      if (status === 'negotiating') return id;
      if (status === 'terminated') {
        expect((await event(id, { type: 'TERMINATE', reason: '投资方放弃' })).status).toBe(200);
        return id;
      }
      expect((await event(id, SIGN)).status).toBe(200);
      if (status === 'landed') expect((await event(id, { type: 'LAND', date: '2024-05-01', project: { code: `ZS-L-${id}` } })).status).toBe(200);
      return id;
    };
    const BODIES: Record<string, Body> = {
      SIGN,
      LAND: { type: 'LAND', date: '2024-05-01', project: { code: 'ZS-NEVER' } },
      TERMINATE: { type: 'TERMINATE', reason: '项目取消' },
    };
    // Copied from docs/domain/attraction.md's events table.
    const LEGAL: [string, string, string][] = [
      ['negotiating', 'SIGN', 'signed'],
      ['negotiating', 'TERMINATE', 'terminated'],
      ['signed', 'LAND', 'landed'],
      ['signed', 'TERMINATE', 'terminated'],
    ];
    const ILLEGAL = (['negotiating', 'signed', 'landed', 'terminated'] as const).flatMap((from) =>
      ['SIGN', 'LAND', 'TERMINATE'].filter((type) => !LEGAL.some(([f, e]) => f === from && e === type)).map((type) => [from, type] as const),
    );

    it.each(LEGAL)('%s -%s-> %s', async (from, type, to) => {
      const id = await leadIn(from as 'negotiating' | 'signed');
      const body = type === 'LAND' ? { ...BODIES.LAND, project: { code: `ZS-OK-${id}` } } : BODIES[type];
      const res = await event(id, body);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
      expect(res.body.transitions.at(-1)).toMatchObject({ event: type, fromStatus: from, toStatus: to, actor: 'admin' });
      const [entry] = await t.dataSource.query(`SELECT entity, entity_id, action FROM audit_entry ORDER BY seq DESC LIMIT 1`);
      expect(entry).toEqual({ entity: 'lead', entity_id: String(id), action: 'transition' });
    });

    it.each(ILLEGAL)('%s refuses %s with 409 and changes nothing', async (from, type) => {
      const id = await leadIn(from);
      const res = await refusedUnchanged(() => event(id, BODIES[type]), 409, ['eventNotAllowed']);
      expect(res.body.message).toContain('不能执行');
    });

    it('签约 without amount or date: 422 naming both; a zero amount and a future date: 422', async () => {
      const { id } = await create();
      await refusedUnchanged(() => event(id, { type: 'SIGN' }), 422, ['amountRequired', 'dateRequired']);
      await refusedUnchanged(() => event(id, { type: 'SIGN', amount: 0, date: '2024-07-01' }), 422, ['amountNotPositive', 'dateInFuture']);
      await refusedUnchanged(() => event(id, { type: 'SIGN', amount: -5, date: '2024-03-01' }), 422, ['min']);
      await refusedUnchanged(() => event(id, { type: 'SIGN', amount: 100, date: '2024-02-30' }), 400, ['isCalendarDate']);
      await refusedUnchanged(() => event(id, { type: 'SIGN', amount: 100, date: '2024-03-01', reason: 'x' }), 400, ['unknownField']);
      await refusedUnchanged(() => event(id, { type: 'SHIP' }), 400, ['isIn']);
      const res = await event(id, { type: 'SIGN', amount: 100, date: '2024-06-30' });
      expect(res.body).toMatchObject({ status: 'signed', signedAmount: 100, signedDate: '2024-06-30', agreementNo: null, allowedEvents: ['LAND', 'TERMINATE'], version: 2 });
    });

    it('落地 of a lead not signed: 409; a stale If-Match: 412; another chain\'s lead: 404', async () => {
      const { id } = await create();
      await refusedUnchanged(() => event(id, BODIES.LAND), 409, ['eventNotAllowed']);
      await refusedUnchanged(() => t.client.post(`/api/leads/${id}/events`).set('If-Match', '"7"').send(SIGN), 412, ['staleVersion']);
      await refusedUnchanged(() => event(id, SIGN, otherChain), 404);
      await refusedUnchanged(() => otherChain.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 1 }), 404);
      await refusedUnchanged(() => event(id, SIGN, auditor), 403);
      await refusedUnchanged(() => event(999_999, SIGN), 404);
      await refusedUnchanged(() => t.client.post('/api/leads/0x1/events').send(SIGN), 400, ['invalidId']);
      expect((await t.client.post(`/api/leads/${id}/events`).set('If-Match', '"1"').send(SIGN)).status).toBe(200);
    });

    it('落地 creates a project in 储备 (招商引进, 谋划 on the landing date), linked both ways; its history names the lead', async () => {
      const lead = await create(chain, { name: '年产10万吨己二腈项目', investor: '江苏某化工集团', region: '371503' });
      expect((await event(lead.id, SIGN, chain)).status).toBe(200);
      const res = await event(lead.id, { type: 'LAND', date: '2024-06-10', project: { code: 'ZS-2024-LAND', ownerEnterprise: '聊城某新材料有限公司', totalInvestment: 260_000 } }, chain);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'landed', landedDate: '2024-06-10', allowedEvents: [], project: { code: 'ZS-2024-LAND', stage: 'reserve' } });
      const projectId = res.body.projectId as number;
      expect(res.body.project.id).toBe(projectId);

      const project = (await t.client.get(`/api/projects/${projectId}`)).body;
      expect(project).toMatchObject({
        code: 'ZS-2024-LAND',
        name: '年产10万吨己二腈项目',
        ownerEnterprise: '聊城某新材料有限公司',
        totalInvestment: 260_000,
        region: '371503',
        chain: 'green-chemical',
        origin: 'attracted',
        plannedAt: '2024-06-10',
        stage: 'reserve',
        lead: { id: lead.id, name: '年产10万吨己二腈项目', investor: '江苏某化工集团', status: 'landed' },
      });
      // the chain team sees the project of its chain; its history names the lead
      const history = (await chain.get(`/api/projects/${projectId}/history`)).body as { kind: string; event: string | null; data: { lead?: { id: number; name: string; signedAmount: number } }; reason: string | null; actor: string }[];
      expect(history.map((h) => h.kind)).toEqual(['created', 'lead']);
      expect(history[1]).toMatchObject({ event: 'LAND', actor: 'chain-gc', data: { lead: { id: lead.id, name: '年产10万吨己二腈项目', signedAmount: 25_000 } } });
      expect(history[1].reason).toContain('年产10万吨己二腈项目');
      // one audit entry per change: the project's creation and the lead's transition
      const entries = await t.dataSource.query(`SELECT entity, action FROM audit_entry ORDER BY seq DESC LIMIT 2`);
      expect(entries.reverse()).toEqual([{ entity: 'project', action: 'create' }, { entity: 'lead', action: 'transition' }]);
      // the chain team still cannot edit, report or list the project
      expect((await chain.patch(`/api/projects/${projectId}`).send({ version: 1, content: 'x' })).status).toBe(403);
      expect((await chain.put(`/api/lists/2024/entries/${projectId}`).send({ category: 'preparation', plannedInvestment: 100 })).status).toBe(403);
    });

    it('落地 refusals: both or neither project, a date before the signing or after today, a taken code — nothing is created', async () => {
      const id = await signed();
      const { id: existing } = (await t.client.post('/api/projects').send(projectBody())).body;
      await refusedUnchanged(() => event(id, { type: 'LAND', date: '2024-05-01' }), 422, ['projectRequired']);
      await refusedUnchanged(() => event(id, { type: 'LAND', projectId: existing, project: { code: 'ZS-X' } }), 422, ['projectChoice']);
      await refusedUnchanged(() => event(id, { type: 'LAND', date: '2024-03-14', project: { code: 'ZS-X' } }), 422, ['dateBeforeSign']);
      await refusedUnchanged(() => event(id, { type: 'LAND', date: '2024-07-01', project: { code: 'ZS-X' } }), 422, ['dateInFuture']);
      const taken = (await t.client.get(`/api/projects/${existing}`)).body.code;
      await refusedUnchanged(() => event(id, { type: 'LAND', project: { code: taken } }), 422, ['duplicateCode']);
      await refusedUnchanged(() => event(id, { type: 'LAND', project: { code: 'ZS-X', totalInvestment: 1.5 } }), 422, ['isInt']);
      await refusedUnchanged(() => event(id, { type: 'LAND', project: { code: 'ZS-X', region: '371581' } }), 400, ['unknownField']);
    });

    it('落地 may link an existing project of the chain, visible to the caller, not another lead\'s', async () => {
      const mk = async (overrides: Body) => (await t.client.post('/api/projects').send(projectBody(overrides))).body.id as number;
      const sameChain = await mk({ chain: 'green-chemical', region: '371502', approvals: ALL_APPROVALS });
      const otherChainProject = await mk({ chain: 'bearings' });
      const elsewhere = await mk({ chain: 'green-chemical', region: '371581' });
      const first = await signed(region, { chain: 'green-chemical' });
      await refusedUnchanged(() => event(first, { type: 'LAND', projectId: otherChainProject }, region), 422, ['projectChainMismatch']);
      await refusedUnchanged(() => event(first, { type: 'LAND', projectId: elsewhere }, region), 422, ['projectNotFound']);
      await refusedUnchanged(() => event(first, { type: 'LAND', projectId: 999_999 }, region), 422, ['projectNotFound']);
      const versionBefore = (await t.client.get(`/api/projects/${sameChain}`)).body.version;
      const res = await event(first, { type: 'LAND', projectId: sameChain }, region);
      expect(res.body).toMatchObject({ status: 'landed', projectId: sameChain, landedDate: '2024-06-30' });
      const project = (await t.client.get(`/api/projects/${sameChain}`)).body;
      expect(project.lead).toMatchObject({ id: first });
      expect(project.version).toBe(versionBefore); // linking changes nothing else on the project
      expect(project.origin).toBeNull();
      const second = await signed();
      await refusedUnchanged(() => event(second, { type: 'LAND', projectId: sameChain }), 422, ['projectAlreadyLinked']);
    });

    it('终止 needs a reason; a terminated lead takes nothing more', async () => {
      const id = await signed();
      await refusedUnchanged(() => event(id, { type: 'TERMINATE', reason: '  ' }), 422, ['reasonRequired']);
      const res = await event(id, { type: 'TERMINATE', reason: '投资方资金链断裂' });
      expect(res.body).toMatchObject({ status: 'terminated', terminatedDate: '2024-06-30', allowedEvents: [] });
      expect(res.body.transitions.at(-1)).toMatchObject({ event: 'TERMINATE', reason: '投资方资金链断裂', effectiveDate: '2024-06-30' });
    });
  });

  describe('到位资金', () => {
    it('on an unsigned lead: 422; on a signed one: revisions kept, the latest counts, the same again adds nothing', async () => {
      const { id } = await create();
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 500 }), 422, ['leadNotSigned']);
      expect((await event(id, SIGN)).status).toBe(200);
      let res = await t.client.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 500 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ leadId: id, month: '2024-05', revision: 1, amount: 500, correction: false });
      res = await t.client.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 500 });
      expect([res.status, res.body.revision]).toEqual([200, 1]);
      res = await chain.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 650 });
      expect([res.status, res.body.revision, res.body.actor]).toEqual([200, 2, 'chain-gc']);
      expect((await t.client.put(`/api/leads/${id}/funds/2024-03`).send({ amount: 100 })).status).toBe(201);
      const lead = (await t.client.get(`/api/leads/${id}`)).body;
      expect(lead.funded).toBe(650 + 100);
      expect(lead.funds.map((f: Body) => [f.month, f.amount, f.revision, f.revisions])).toEqual([
        ['2024-03', 100, 1, 1],
        ['2024-05', 650, 2, 2],
      ]);
      const revisions = (await t.client.get(`/api/leads/${id}/funds/2024-05/revisions`)).body;
      expect(revisions.map((r: Body) => [r.revision, r.amount, r.actor])).toEqual([[1, 500, 'admin'], [2, 650, 'chain-gc']]);
    });

    it('refuses a month in the future or before the signing, a fractional or negative amount, a terminated lead', async () => {
      const id = await signed();
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-07`).send({ amount: 1 }), 422, ['monthInFuture']);
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-02`).send({ amount: 1 }), 422, ['monthBeforeSign']);
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-04`).send({ amount: 1.5 }), 422, ['isInt']);
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-04`).send({ amount: -1 }), 422, ['min']);
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-4`).send({ amount: 1 }), 400, ['isMonth']);
      const missing = await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-04`).send({}), 400);
      expect(missing.body.details.map((d: { code: string }) => d.code)).toContain('isDefined');
      expect((await event(id, { type: 'TERMINATE', reason: '合同解除' })).status).toBe(200);
      await refusedUnchanged(() => t.client.put(`/api/leads/${id}/funds/2024-04`).send({ amount: 1 }), 422, ['leadTerminated']);
    });
  });

  describe('the chain team\'s indicators and 差异化指标', () => {
    it('files the quarter\'s figures year to date (revisions kept); another chain\'s or a county operator\'s filing is refused', async () => {
      let res = await chain.put('/api/chains/green-chemical/indicators/2024/1').send({ revenueGrowthPct: 6.3, newAboveScale: 1, loanGrowthPct: 8 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ year: 2024, quarter: 1, revision: 1, revenueGrowthPct: 6.3, valueAddedGrowthPct: null, newAboveScale: 1, loanGrowthPct: 8, actor: 'chain-gc' });
      res = await chain.put('/api/chains/green-chemical/indicators/2024/1').send({ revenueGrowthPct: 6.3, newAboveScale: 1, loanGrowthPct: 8 });
      expect([res.status, res.body.revision]).toEqual([200, 1]);
      res = await chain.put('/api/chains/green-chemical/indicators/2024/2').send({ revenueGrowthPct: 7.1, valueAddedGrowthPct: 9.4, newAboveScale: 3, newQuality: 5, newHighTech: 2, newInnovationPlatforms: 1, loanGrowthPct: 8.5, note: '上半年' });
      expect([res.status, res.body.revision]).toEqual([201, 1]);
      res = await t.client.put('/api/chains/green-chemical/indicators/2024/2').send({ revenueGrowthPct: 7.2, valueAddedGrowthPct: 9.4, newAboveScale: 3, newQuality: 5, newHighTech: 2, newInnovationPlatforms: 1, loanGrowthPct: 8.5 });
      expect([res.status, res.body.revision, res.body.revenueGrowthPct]).toEqual([200, 2, 7.2]);

      await refusedUnchanged(() => otherChain.put('/api/chains/green-chemical/indicators/2024/2').send({ newAboveScale: 9 }), 403, ['outOfScope']);
      await refusedUnchanged(() => region.put('/api/chains/green-chemical/indicators/2024/2').send({ newAboveScale: 9 }), 403);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/indicators/2024/3').send({ newAboveScale: 9 }), 422, ['quarterInFuture']);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/indicators/2024/2').send({}), 422, ['nothingFiled']);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/indicators/2024/2').send({ revenueGrowthPct: 6.35 }), 422, ['oneDecimal']);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/indicators/2024/2').send({ newQuality: 1.5 }), 422, ['isInt']);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/indicators/2024/5').send({ newQuality: 1 }), 400, ['invalidQuarter']);
      await refusedUnchanged(() => t.client.put('/api/chains/steel/indicators/2024/1').send({ newQuality: 1 }), 404);
      await refusedUnchanged(() => t.client.put('/api/chains/green-chemical/indicators/2019/1').send({ newQuality: 1 }), 404, ['noPlan']);
    });

    it('keeps the 差异化指标 status and note (every change a revision)', async () => {
      let res = await chain.put('/api/chains/green-chemical/notes/2024').send({ status: 'inProgress', note: '化工园区营收占比 76%' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ year: 2024, status: 'inProgress', note: '化工园区营收占比 76%', revision: 1, actor: 'chain-gc' });
      res = await chain.put('/api/chains/green-chemical/notes/2024').send({ status: 'inProgress', note: '化工园区营收占比 76%' });
      expect([res.status, res.body.revision]).toEqual([200, 1]);
      res = await chain.put('/api/chains/green-chemical/notes/2024').send({ status: 'behind', note: '二季度回落至 74%' });
      expect([res.status, res.body.revision]).toEqual([200, 2]);
      await refusedUnchanged(() => otherChain.put('/api/chains/green-chemical/notes/2024').send({ status: 'done' }), 403, ['outOfScope']);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/notes/2024').send({ status: 'finished' }), 400, ['isIn']);
      await refusedUnchanged(() => chain.put('/api/chains/green-chemical/notes/2024').send({ note: 'x' }), 400, ['isDefined', 'isIn']);
    });
  });
});
