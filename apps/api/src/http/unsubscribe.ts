import type { IncomingMessage, ServerResponse } from 'node:http';

import { escapeAttribute, escapeUTF8 } from 'entities';

import { AppError, httpStatusOf } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { readUnsubscribeToken, unsubscribeAlertEmails, type UnsubscribeRule } from '@wirelens/services/email';

import { clientAddress, type ProxyTrust } from './client-address.js';
import type { RouteHandler } from './routes.js';
import { sendJson } from './send-json.js';

/** Where e-mails' List-Unsubscribe header points (and the dashboard's /unsubscribe page calls). */
export const UNSUBSCRIBE_PATH = '/email/unsubscribe';

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>${escapeUTF8(title)}</title></head><body><main><h1>${escapeUTF8(title)}</h1>${body}</main></body></html>`,
  );
}

const ruleList = (rules: UnsubscribeRule[]) =>
  `<ul>${rules.map((rule) => `<li>${escapeUTF8(rule.name)}</li>`).join('')}</ul>`;

const wantsJson = (req: IncomingMessage) => (req.headers.accept ?? '').includes('application/json');

/**
 * GET shows what the link would turn off and changes nothing (mail scanners follow links); POST
 * turns e-mail off for the rules the signed token names: RFC 8058 one-click (the mail client POSTs
 * `List-Unsubscribe=One-Click`), the form on the GET page, or the dashboard's /unsubscribe page
 * (which asks for JSON). No sign-in: the token is the authority.
 */
export function createUnsubscribeRoute({
  db,
  secret,
  proxyTrust,
}: {
  db: DbClient;
  /** WIRELENS_SECRET when e-mail is configured; null: links cannot be checked, the route says so. */
  secret: string | null;
  proxyTrust: ProxyTrust;
}): RouteHandler {
  return async (req, res, url, scope) => {
    const json = wantsJson(req);
    const fail = (error: AppError) =>
      json
        ? sendJson(res, httpStatusOf(error), { error: error.message, code: error.code })
        : sendPage(res, httpStatusOf(error), 'Unsubscribe', `<p>${escapeUTF8(error.message)}</p>`);
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    // The body (`List-Unsubscribe=One-Click`) says nothing the method does not: drop it unread.
    req.resume();
    if (!secret) {
      fail(new AppError('NOT_FOUND', 'E-mail is not configured on this server'));
      return;
    }
    const token = url.searchParams.get('token') ?? '';
    try {
      if (req.method === 'POST') {
        const rules = await unsubscribeAlertEmails({
          db,
          secret,
          token,
          requestId: scope.requestId,
          ip: clientAddress(req, proxyTrust),
        });
        if (json) sendJson(res, 200, { unsubscribed: true, rules });
        else
          sendPage(
            res,
            200,
            'Unsubscribed',
            `<p>You will get no more e-mails for these alert rules:</p>${ruleList(rules)}` +
              '<p>The rules stay; their alerts still appear in the dashboard.</p>',
          );
        return;
      }
      const rules = await readUnsubscribeToken({ db, secret, token });
      if (json) {
        sendJson(res, 200, { unsubscribed: false, rules });
        return;
      }
      const action = `${UNSUBSCRIBE_PATH}?${new URLSearchParams({ token }).toString()}`;
      sendPage(
        res,
        200,
        'Stop alert e-mails?',
        `<p>This turns off e-mail for these alert rules:</p>${ruleList(rules)}` +
          `<form method="post" action="${escapeAttribute(action)}"><button type="submit">Unsubscribe</button></form>`,
      );
    } catch (error) {
      if (error instanceof AppError) fail(error);
      else throw error;
    }
  };
}
