import type { Parsed } from './money.js';

/**
 * Places and chains by the names offices write. Regions: the statistical code, the full name,
 * the name without 聊城市/聊城, the name without its 区/县/市 suffix when two characters or more
 * remain (东昌府, 临清), the pre-2019 茌平县 / 371523 for 茌平区 (docs/domain/plan-2024.md "The eleven places"), and the
 * zones' short names 经开区, 高新区, 度假区. Chains: the code, the name, with or without
 * 产业链/链, and with 及/和/、 left out (汽车零部件).
 */
export class RegionLookup {
  private readonly byAlias = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(regions: { code: string; name: string }[]) {
    for (const { code, name } of regions) {
      this.names.set(code, name);
      const short = name.replace(/^聊城市?/, '');
      const aliases = [code, name, short];
      if (short.length >= 3 && /[区县市]$/.test(short)) aliases.push(short.slice(0, -1));
      if (/经济技术开发区$/.test(name)) aliases.push('经开区', '经济开发区', '经济技术开发区', '聊城经开区');
      if (/高新技术产业开发区$/.test(name)) aliases.push('高新区', '高新技术开发区', '高新技术产业开发区', '聊城高新区');
      if (/旅游度假区$/.test(name)) aliases.push('度假区', '旅游度假区', '江北水城度假区', '江北水城旅游度假区');
      if (code === '371503') aliases.push('茌平县', '371523');
      for (const alias of aliases) this.byAlias.set(key(alias), code);
    }
  }

  resolve(text: string): Parsed<string> {
    const code = this.byAlias.get(key(text));
    return code ? { ok: true, value: code } : { ok: false, message: `未知的县（市、区）“${text}”` };
  }

  nameOf(code: string | null): string | null {
    return code === null ? null : (this.names.get(code) ?? code);
  }
}

export class ChainLookup {
  private readonly byAlias = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(chains: { code: string; name: string }[]) {
    for (const { code, name } of chains) {
      this.names.set(code, name);
      for (const alias of [code, name]) this.byAlias.set(chainKey(alias), code);
    }
  }

  resolve(text: string): Parsed<string> {
    const code = this.byAlias.get(chainKey(text));
    return code ? { ok: true, value: code } : { ok: false, message: `未知的产业链“${text}”` };
  }

  nameOf(code: string | null): string | null {
    return code === null ? null : (this.names.get(code) ?? code);
  }
}

const key = (text: string) => text.replace(/[\s\u3000]+/g, '').toLowerCase();
const chainKey = (text: string) =>
  key(text)
    .replace(/(产业链|链条|链)$/, '')
    .replace(/[及和与、]/g, '');
