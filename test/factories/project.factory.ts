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
