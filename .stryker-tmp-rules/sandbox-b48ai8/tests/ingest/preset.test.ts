/** Corpus knowledge lives in presets (data files), not in the engine. */
import { describe, expect, it } from 'vitest';
import { findSession, loadPreset } from '../../src/ingest/preset.js';
import { cleanSources } from '../../src/ingest/index.js';
import { mergeTopics } from '../../src/ingest/topics.js';
import { loadConfig } from '../../src/config/load.js';
import { SEEDS } from './helpers.js';

describe('presets', () => {
  it('npc: the session → year rule and the topic keywords of those years, on top of foreign-affairs', () => {
    const npc = loadPreset('npc');
    expect(npc.files.map((f) => f.split('/').pop())).toEqual(['foreign-affairs.yaml', 'npc.yaml']);
    expect(findSession(npc.sessions, '十三届全国人大三次会议')).toEqual({ name: '十三届全国人大三次会议', year: 2020 });
    expect(findSession(npc.sessions, '全国政协十三届四次会议')?.year).toBe(2021);
    expect(npc.topics.中美).toEqual(expect.arrayContaining(['美国', '拜登']));
    expect(loadPreset('foreign-affairs').topics.中美).not.toContain('拜登');
  });

  it('the engine itself knows no session and no topic', async () => {
    expect(mergeTopics()).toEqual({});
    const bare = await cleanSources([`${SEEDS}/001_f04f608a345aa7eb.txt`]);
    expect(bare.events).toEqual([]);
    expect(bare.report.errors[0]!.message).toMatch(/cannot date/);
    const npc = await cleanSources([`${SEEDS}/001_f04f608a345aa7eb.txt`], { preset: 'npc' });
    expect(npc.events.map((e) => e.meta.id)).toEqual(['2020-05-24']);
  });

  it('loads a preset by path and names a missing one', () => {
    const p = loadPreset('tests/fixtures/presets/cppcc-only.yaml');
    expect(p.name).toBe('cppcc-only');
    expect(findSession(p.sessions, '十三届全国人大三次会议')).toBeUndefined();
    expect(findSession(p.sessions, '全国政协十四届一次会议')?.year).toBe(2023);
    expect(() => loadPreset('no-such-preset')).toThrow(/preset "no-such-preset": no such preset/);
  });

  it('is selected by the example config', () => {
    const c = loadConfig('examples/npc-foreign-press');
    expect(c.preset).toBe('npc');
  });
});
