import { formatYiShort } from '../common/index.js';
import type { Warning } from './warnings.js';

/**
 * The year plan's attraction targets that do not add up (docs/domain/attraction.md "Warnings"):
 * the chains' 签约 targets against the city's (2024: 895亿 against 900亿) and their 到位 targets
 * against the city's (2024: 301亿 against 300亿). Computed from the plan, so a plan that adds up
 * warns of nothing.
 */
export interface AttractionWarningFacts {
  /** The city's targets, 万元. */
  citySignedWan: number;
  cityFundedWan: number;
  /** Σ of the chains' targets, 万元, and how many chains that is. */
  chainSignedWan: number;
  chainFundedWan: number;
  chains: number;
}

export function attractionWarnings(f: AttractionWarningFacts): Warning[] {
  const warnings: Warning[] = [];
  const compare = (what: 'Signed' | 'Funded', label: string, chainWan: number, cityWan: number) => {
    if (chainWan === cityWan) return;
    warnings.push({
      code: `chain${what}Targets${chainWan < cityWan ? 'Below' : 'Above'}CityTarget`,
      message: `${f.chains}条产业链招商引资${label}目标合计 ${formatYiShort(chainWan)} 亿元，较全市目标 ${formatYiShort(cityWan)} 亿元${chainWan < cityWan ? '少' : '多'} ${formatYiShort(Math.abs(cityWan - chainWan))} 亿元`,
    });
  };
  compare('Signed', '签约', f.chainSignedWan, f.citySignedWan);
  compare('Funded', '到位资金', f.chainFundedWan, f.cityFundedWan);
  return warnings;
}
