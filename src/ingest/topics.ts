/**
 * Topic tags from a keyword table. The book config extends it (`topics: {tag: [keywords…]}`):
 * keywords for an existing tag are added, new tags are appended.
 */
export const DEFAULT_TOPICS: Record<string, string[]> = {
  中美: ['中美', '美中', '美国', '美方', '拜登', '特朗普', '华盛顿'],
  中俄: ['中俄', '俄中', '俄罗斯', '俄方', '普京'],
  台湾: ['台湾', '涉台', '台独', '两岸', '台海'],
  香港: ['香港', '涉港', '港人'],
  新疆: ['新疆', '涉疆'],
  南海: ['南海'],
  疫情: ['疫情', '抗疫', '新冠', '病毒', '溯源', '世卫'],
  疫苗: ['疫苗'],
  乌克兰: ['乌克兰', '俄乌'],
  中欧: ['中欧', '欧盟', '欧洲', '欧美', '跨大西洋'],
  中日: ['中日', '日中', '日本', '日方', '中日韩'],
  中印: ['中印', '印中', '印度'],
  朝鲜半岛: ['朝鲜', '半岛', '朝韩', '韩国', '中韩', '韩中'],
  东盟: ['东盟', '东南亚'],
  中亚: ['中亚'],
  非洲: ['非洲', '中非', '非盟'],
  拉美: ['拉美', '中拉', '拉丁美洲'],
  中东: ['中东', '阿拉伯', '中阿', '伊朗', '海湾', '巴勒斯坦', '叙利亚'],
  缅甸: ['缅甸'],
  多边: ['联合国', '多边', '世卫组织', '世贸', '全球治理', '二十国集团', '全球化'],
  领事保护: ['领事', '领保', '海外中国公民', '海外同胞', '撤离', '中国公民', '中国同胞'],
  一带一路: ['一带一路'],
  气候: ['气候', '巴黎协定', '生物多样性', '碳中和'],
  民主: ['民主峰会', '民主'],
  奥运: ['冬奥', '奥运'],
};

export type TopicTable = Record<string, string[]>;

export function mergeTopics(extra?: TopicTable): TopicTable {
  const out: TopicTable = {};
  for (const [k, v] of Object.entries(DEFAULT_TOPICS)) out[k] = [...v];
  for (const [k, v] of Object.entries(extra ?? {})) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

/** Tags whose keywords occur in the text, in table order. */
export function tagTopics(text: string, table: TopicTable): string[] {
  const out: string[] = [];
  for (const [tag, words] of Object.entries(table)) if (words.some((w) => w && text.includes(w))) out.push(tag.replace(/\s+/g, '_'));
  return out;
}
