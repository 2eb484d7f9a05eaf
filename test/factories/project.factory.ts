/** Small factories for request bodies; override what a test is about. */
let counter = 0;

export const ALL_APPROVALS = {
  filing: '2024-01-10',
  land: '2024-01-20',
  planning: '2024-02-01',
  environment: '2024-02-10',
  energy: '2024-02-15',
  construction: '2024-03-01',
};

export function projectBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    code: `T-${process.pid}-${counter}`,
    name: `测试项目${counter}`,
    ownerEnterprise: '聊城测试有限公司',
    region: '371502',
    chain: 'green-chemical',
    totalInvestment: 120000,
    content: '建设生产线一条',
    plannedStartDate: '2024-03-15',
    plannedCompletionDate: '2025-12-31',
    approvals: { ...ALL_APPROVALS },
    ...overrides,
  };
}

/** What startedProject needs of a client: an admin's (supertest agent with a bearer token). */
interface AdminClient {
  post(url: string): { send(body: unknown): PromiseLike<{ body: { id: number } }> };
  put(url: string): { send(body: unknown): PromiseLike<unknown> };
}

/**
 * A project on the board: all approvals, promoted and started on 2024-03-01, an April 2024 report
 * of `amountWan`, on the 2024 implementation list with `plannedWan`. Made through the API by an admin.
 */
export async function startedProject(client: AdminClient, overrides: Record<string, unknown> = {}, amountWan = 1000, plannedWan = 6000): Promise<number> {
  const { id } = (await client.post('/api/projects').send(projectBody({ approvals: ALL_APPROVALS, ...overrides }))).body;
  await client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
  await client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-03-01' });
  await client.put(`/api/projects/${id}/reports/2024-04`).send({ amount: amountWan });
  await client.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: plannedWan });
  return id;
}
