import { it } from '@jest/globals';
import { startTestApp } from './support/test-app.js';
it('explore', async () => {
  const t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  const regions = (await t.client.get('/api/regions')).body;
  const out: string[] = [];
  for (const r of regions) {
    const prep = (await t.client.get(`/api/projects?stage=preparation&region=${r.code}&pageSize=500`)).body.items;
    const lists = (await t.client.get(`/api/projects?list=preparation&year=2024&region=${r.code}&stage=preparation&pageSize=500`)).body.items;
    const impl = (await t.client.get(`/api/projects?stage=implementation&region=${r.code}&pageSize=500`)).body.total;
    const all = (await t.client.get(`/api/projects?region=${r.code}&pageSize=500`)).body.total;
    out.push(`${r.code} ${r.name} all=${all} impl=${impl} prep=${prep.length} preplist-in-prep=${lists.map((p: any) => `${p.id}:${p.name}:${p.plannedStartDate}:${Object.values(p.approvals).filter((x) => x).length}`).join(' | ')}`);
  }
  console.log(out.join('\n'));
  const me = await t.clientWith(await t.login('region-371522', 'demo-371522')).get('/api/auth/me');
  console.log(JSON.stringify(me.body));
  console.log(JSON.stringify((await t.client.get('/api/bulletins')).body));
  console.log(JSON.stringify((await t.client.get('/api/chains')).body[0]));
  const p = (await t.client.get('/api/projects?stage=preparation&region=371522')).body.items[0];
  console.log(JSON.stringify(p));
  const ev = await t.client.post(`/api/projects/${p.id}/events`).send({ type: 'START', date: '2024-11-20' });
  console.log(ev.status, JSON.stringify(ev.body));
  const ev2 = await t.client.post(`/api/projects/${p.id}/events`).send({ type: 'HALT', date: '2024-11-20', reason: 'x' });
  console.log(ev2.status, JSON.stringify(ev2.body));
  console.log(JSON.stringify((await t.client.get(`/api/projects/${p.id}/history`)).body));
  await t.close();
});
