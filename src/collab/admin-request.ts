import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyToken } from './token';

// The one HTTP request the server answers besides WebSocket upgrades: `POST /erase?room=ID` from
// `npm run collab -- erase`, signed with a short-lived token of role `erase` for that room.

export async function handleAdminRequest(
  request: IncomingMessage,
  response: ServerResponse,
  secret: string,
  erase: (room: string) => Promise<boolean>,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/erase') return;
  const room = url.searchParams.get('room') ?? '';
  const check = verifyToken(secret, request.headers.authorization?.replace(/^Bearer /, ''));
  const reply = (status: number, body: object) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (request.method !== 'POST') reply(405, { error: 'method' });
  else if (!check.ok || check.claims.role !== 'erase' || check.claims.room !== room) reply(403, { error: 'token' });
  else {
    try {
      reply(200, { erased: await erase(room) });
    } catch (e) {
      reply(500, { error: (e as Error).message });
    }
  }
  // An empty rejection tells Hocuspocus the request is answered (no default response).
  throw null;
}
