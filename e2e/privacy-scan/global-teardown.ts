import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeTally, emptyTally, knownCprs, scanRunFiles, scanTopicMessage } from './privacy-scan';
import { scanDir, TOPICS_BEFORE_FILE } from './scan-files';
import { listE2eTopics, readTopics } from './topics';

/**
 * Jest global teardown of the e2e suites: no CPR number may be in any log line, error body or topic
 * message the run produced. Reads this run's topics from the beginning, scans them with the run's
 * log and error files, writes the report next to them and fails the run (throws) on a finding.
 */
export default async function globalTeardown(): Promise<void> {
  const dir = scanDir();
  if (!dir || !existsSync(dir)) return;
  const known = knownCprs(dir);
  const tally = emptyTally();
  scanRunFiles(dir, known, tally);

  const before = new Set<string>(JSON.parse(readFileSync(path.join(dir, TOPICS_BEFORE_FILE), 'utf8')) as string[]);
  const topics = (await listE2eTopics()).filter((topic) => !before.has(topic));
  const read = await readTopics(topics, (message) => scanTopicMessage(message, known, tally));

  const report = describeTally(tally, topics.length);
  const unread = read.unfinished.length ? `\n  topics not read to their end in time: ${read.unfinished.slice(0, 20).join(', ')}` : '';
  writeFileSync(path.join(dir, 'scan-report.txt'), `${report}${unread}\n`);
  console.log(`\n${report}${unread}\n  (${path.relative(process.cwd(), dir)})`);
  if (tally.findings.length > 0 || read.unfinished.length > 0) {
    throw new Error(`${report}${unread}`);
  }
}
