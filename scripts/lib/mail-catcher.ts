import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { escapeHtml, page } from './publishing/pages.ts';

/**
 * A local mail catcher: an SMTP server that delivers nothing and keeps every message, and a page
 * that lists them. `npm start` points the CMS at it, so the mail the platform sends (a new question
 * to the operators, «the answer is online» to who asked) can be read at http://localhost:1080/;
 * the tests read what arrived from `messages`.
 */
export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  date: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

export interface MailCatcher {
  smtpPort: number;
  /** The page listing the messages, when one was asked for. */
  url: string | undefined;
  messages: CaughtMail[];
  /** Resolves with the first message (already caught or still to come) that `match` accepts. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

export async function startMailCatcher(options: {
  smtpPort: number;
  webPort?: number | undefined;
  /** Each message is also written there as a .eml file. */
  dir?: string | undefined;
}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiting = new Set<() => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'SITO Giovani local mail catcher: nothing is delivered',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              from: parsed.from?.text ?? '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              date: (parsed.date ?? new Date()).toISOString(),
              attachments: parsed.attachments.map((file) => ({
                filename: file.filename ?? '',
                contentType: file.contentType,
                content: file.content.toString('utf8'),
              })),
            });
            if (options.dir) {
              fs.mkdirSync(options.dir, { recursive: true });
              fs.writeFileSync(path.join(options.dir, `${Date.now()}-${messages.length}.eml`), raw);
            }
            for (const wake of waiting) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, '127.0.0.1', () => resolve());
  });

  let web: http.Server | undefined;
  if (options.webPort !== undefined) {
    web = http.createServer((_req, res) => {
      const items = [...messages]
        .reverse()
        .map(
          (mail) =>
            `<article><h2>${escapeHtml(mail.subject)}</h2><p>${escapeHtml(mail.date)} · da ${escapeHtml(mail.from)} · a ${escapeHtml(mail.to.join(', '))}</p><pre>${escapeHtml(mail.text)}</pre>${mail.attachments.map((file) => `<p>Allegato: ${escapeHtml(file.filename)} (${escapeHtml(file.contentType)})</p>`).join('')}</article>`,
        )
        .join('<hr>');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(
        page(
          'Posta locale',
          `<h1>Posta locale (niente viene consegnato)</h1><p>${messages.length} messaggi. Ricarica la pagina per i nuovi.</p>${items}`,
        ),
      );
    });
    await new Promise<void>((resolve, reject) => {
      web!.once('error', reject);
      web!.listen(options.webPort, '127.0.0.1', () => resolve());
    });
  }

  return {
    smtpPort: options.smtpPort,
    url: options.webPort === undefined ? undefined : `http://localhost:${options.webPort}/`,
    messages,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(
            new Error(
              `No such mail within ${timeoutMs} ms; caught: ${messages.map((m) => m.subject).join(' | ') || 'none'}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiting.add(check);
      });
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
    },
  };
}
