/** People of the register for tests: clearly fake names (docs/demo.md: people are data the city enters). */
let counter = 0;

export function personBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { name: `测试人员${counter}`, title: '测试职务', organisation: '测试单位', phone: '0635-0000000', ...overrides };
}

/** The "5个1" of a chain, complete; `anchor` must be an owner enterprise of some project. */
export function fiveOnesBody(leaderId: number, anchor: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    leaderId,
    plan: { title: '产业链高质量发展工作方案（测试）', date: '2024-03-01', text: '强链延链补链' },
    measures: ['设立产业链专项资金', '一企一策包联服务'],
    anchorEnterprises: [anchor],
    ...overrides,
  };
}
