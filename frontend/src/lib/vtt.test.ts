import { describe, expect, it } from 'vitest';
import { parseCues } from './vtt';

const VTT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nBonjour et bienvenue\n\n00:00:01.500 --> 00:00:03.000\nPremier marqueur\n';

describe('parseCues', () => {
  it('reads the first cues of a WebVTT file', () => {
    expect(parseCues(VTT)).toEqual([
      { start: '00:00:00', end: '00:00:01', text: 'Bonjour et bienvenue' },
      { start: '00:00:01', end: '00:00:03', text: 'Premier marqueur' },
    ]);
  });

  it('stops at max, skips headers, notes and ids, and drops markup', () => {
    const source =
      '\uFEFFWEBVTT - titre\r\n\r\nNOTE rien ici\r\n\r\nc1\r\n01:02.000 --> 01:04.000 align:start\r\n<v Anna>Salut</v>\r\n<i>toi</i>\r\n\r\n' +
      '1:00:00.000 --> 1:00:01.000\nDeux\n\n1:00:02.000 --> 1:00:03.000\nTrois\n';
    expect(parseCues(source, 2)).toEqual([
      { start: '00:01:02', end: '00:01:04', text: 'Salut toi' },
      { start: '01:00:00', end: '01:00:01', text: 'Deux' },
    ]);
  });

  it('reads SRT too, and gives nothing for text without cues', () => {
    expect(parseCues('1\n00:00:05,000 --> 00:00:06,000\nHello\n')).toEqual([
      { start: '00:00:05', end: '00:00:06', text: 'Hello' },
    ]);
    expect(parseCues('not subtitles')).toEqual([]);
    expect(parseCues('')).toEqual([]);
  });
});
