/**
 * Invented bilingual place names. Two-syllable names are built from fixed syllable lists by index, so they
 * are deterministic and unique; none is meant to be a real Shenzhen district, street or community.
 */
const FIRST: readonly (readonly [string, string])[] = [
  ['Yun', '云'], ['Xing', '星'], ['He', '禾'], ['Cheng', '澄'], ['Lan', '澜'], ['Qiao', '樵'], ['Ming', '茗'],
  ['Zhi', '芷'], ['Tang', '棠'], ['Jing', '靖'], ['Xiu', '岫'], ['Ling', '翎'], ['Yu', '屿'], ['Shu', '曙'],
  ['Wei', '蔚'], ['Fang', '芳'], ['Song', '淞'], ['Hui', '徽'], ['Lu', '麓'], ['Pu', '璞'], ['Ying', '颖'],
  ['Xi', '曦'], ['Rui', '睿'], ['Qing', '磬'],
];
const SECOND: readonly (readonly [string, string])[] = [
  ['tian', '田'], ['wan', '湾'], ['ling', '岭'], ['pu', '浦'], ['yuan', '苑'], ['gang', '冈'], ['zhou', '洲'],
  ['lin', '林'], ['ting', '汀'], ['qiao', '桥'], ['shan', '杉'], ['he', '荷'], ['xi', '溪'], ['tang', '塘'],
  ['ping', '坪'], ['bei', '陂'], ['ao', '坳'], ['ju', '居'], ['fang', '坊'], ['yu', '隅'], ['lang', '朗'],
];

export interface BiName {
  readonly en: string;
  readonly zh: string;
}

/** The i-th invented two-syllable name (unique for i < FIRST.length × SECOND.length). */
export function baseName(i: number): BiName {
  const n = FIRST.length * SECOND.length;
  const k = ((i % n) * 97) % n; // 97 is coprime with 504: a permutation, so neighbours read differently
  const a = FIRST[k % FIRST.length];
  const b = SECOND[Math.floor(k / FIRST.length) % SECOND.length];
  const round = Math.floor(i / n);
  const suffix = round > 0 ? ` ${round + 1}` : '';
  return { en: `${a[0]}${b[0]}${suffix}`, zh: `${a[1]}${b[1]}${round > 0 ? String(round + 1) : ''}` };
}

export const unitName = (base: BiName, en: string, zh: string): BiName => ({ en: `${base.en} ${en}`, zh: `${base.zh}${zh}` });

export const CITY_NAME: BiName = { en: 'Synthetic Harbour City (demo, synthetic data)', zh: '合成港城（演示用合成数据）' };
