import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findCprs } from './cpr-scanner';
import { ErrorAnswer, isCprListFile, isScannedFile } from './scan-files';
import type { TopicMessage } from './topics';

/**
 * The privacy scan of an end-to-end run: every log line, error body and topic message the suites
 * produced, searched for CPR numbers. A finding names where (file and line, or topic, partition
 * and offset, and the field) and the number masked, never the number itself.
 */

export interface Finding {
  where: string;
  masked: string;
}

export interface ScanTally {
  logLines: number;
  errorAnswers: number;
  topicMessages: number;
  findings: Finding[];
}

export const emptyTally = (): ScanTally => ({ logLines: 0, errorAnswers: 0, topicMessages: 0, findings: [] });

/** The CPR numbers the suites sent (ten digits each), from the run's `cprs-*.txt`. */
export function knownCprs(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  const lists = readdirSync(dir).filter(isCprListFile);
  return new Set(lists.flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n')).filter((line) => /^\d{10}$/.test(line)));
}

/** A log file, line by line: `logs-1.jsonl:120:57`. */
export function scanLogText(fileName: string, text: string, known: ReadonlySet<string>, tally: ScanTally): void {
  text.split('\n').forEach((line, index) => {
    if (!line) return;
    tally.logLines += 1;
    for (const finding of findCprs(line, known)) tally.findings.push({ where: `${fileName}:${index + 1}:${finding.column}`, masked: finding.masked });
  });
}

/** A file of error answers (one JSON object a line): the body of each, named by suite, request and status. */
export function scanErrorText(fileName: string, text: string, known: ReadonlySet<string>, tally: ScanTally): void {
  text.split('\n').forEach((line, index) => {
    if (!line) return;
    tally.errorAnswers += 1;
    let answer: Partial<ErrorAnswer>;
    try {
      answer = JSON.parse(line) as ErrorAnswer;
    } catch {
      answer = { body: line };
    }
    // The whole line too: a CPR number in the recorded path is as bad as one in the body.
    const findings = [...findCprs(answer.body ?? '', known), ...findCprs(answer.path ?? '', known)];
    for (const finding of findings) {
      tally.findings.push({
        where: `${fileName}:${index + 1} (${answer.suite ?? '?'}: ${answer.method ?? '?'} ${answer.path ?? '?'} → ${answer.status ?? '?'}, offset ${finding.offset})`,
        masked: finding.masked,
      });
    }
  });
}

/** One Kafka message: its key, its value and each header. */
export function scanTopicMessage(message: TopicMessage, known: ReadonlySet<string>, tally: ScanTally): void {
  tally.topicMessages += 1;
  const fields: Array<[string, string | null]> = [['key', message.key], ['value', message.value], ...Object.entries(message.headers).map(([name, value]): [string, string] => [`header ${name}`, value])];
  for (const [field, text] of fields) {
    for (const finding of findCprs(text ?? '', known)) {
      tally.findings.push({ where: `${message.topic}[${message.partition}]@${message.offset} ${field}, offset ${finding.offset}`, masked: finding.masked });
    }
  }
}

/** The run directory's logs and error answers. */
export function scanRunFiles(dir: string, known: ReadonlySet<string>, tally: ScanTally): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter(isScannedFile).sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    if (name.startsWith('logs-')) scanLogText(name, text, known, tally);
    else scanErrorText(name, text, known, tally);
  }
}

/** The report line by line: a summary, then each finding (the first `limit`). */
export function describeTally(tally: ScanTally, topics: number, limit = 50): string {
  const summary = `privacy scan: ${tally.logLines} log lines, ${tally.errorAnswers} error answers, ${tally.topicMessages} messages on ${topics} topics`;
  if (tally.findings.length === 0) return `${summary}: no CPR number`;
  const shown = tally.findings.slice(0, limit).map((finding) => `  ${finding.masked} in ${finding.where}`);
  const more = tally.findings.length > limit ? [`  … and ${tally.findings.length - limit} more`] : [];
  return [`${summary}: ${tally.findings.length} CPR number(s) found`, ...shown, ...more].join('\n');
}
