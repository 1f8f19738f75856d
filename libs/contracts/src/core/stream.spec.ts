import { deadLetterTopicName, defineStream, topicName } from './stream';

const Citizens = defineStream({
  domain: 'caseload',
  name: 'citizens',
  version: 3,
  description: 'Citizens',
  keyDescription: "The citizen's pseudonymous id",
});

describe('topicName', () => {
  it('is <prefix>.<domain>.<stream>.v<version>', () => {
    expect(topicName('kbh', Citizens)).toBe('kbh.caseload.citizens.v3');
    expect(topicName('fremskudt.test-1', Citizens)).toBe('fremskudt.test-1.caseload.citizens.v3');
  });

  it.each(['', 'KBH', '1kbh', 'kbh.', '.kbh', 'kbh..x', 'kbh_x', 'kbh x', 'kbh.Test'])('refuses the prefix %p', (prefix) => {
    expect(() => topicName(prefix, Citizens)).toThrow(`Invalid topic prefix: ${JSON.stringify(prefix)}`);
  });
});

describe('defineStream', () => {
  it('refuses domains and names that are not lower-case words', () => {
    expect(() => defineStream({ ...Citizens, domain: 'Caseload' })).toThrow(/lower-case words: Caseload\.citizens/);
    expect(() => defineStream({ ...Citizens, name: 'citizen.events' })).toThrow(/lower-case words/);
  });

  it('returns a frozen copy', () => {
    expect(Object.isFrozen(Citizens)).toBe(true);
  });
});

describe('deadLetterTopicName', () => {
  it('is <consumer group>.dlt', () => {
    expect(deadLetterTopicName('kbh.reporting')).toBe('kbh.reporting.dlt');
  });
});
