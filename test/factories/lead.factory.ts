/** Request bodies for 招商 leads; override what a test is about. */
let counter = 0;

export function leadBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `招商测试项目${counter}`,
    investor: `测试投资集团${counter}有限公司`,
    origin: 'outOfProvince',
    chain: 'green-chemical',
    region: '371502',
    intendedInvestment: 80_000,
    contact: '张经理 13800000000',
    ...overrides,
  };
}

/** A valid SIGN (contract 2.5亿 on 15 March 2024). */
export const SIGN = { type: 'SIGN', amount: 25_000, date: '2024-03-15', agreementNo: 'LC-ZS-2024-001' };
