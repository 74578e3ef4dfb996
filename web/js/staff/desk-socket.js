// A desk screen's nudges over chat's one WebSocket API: held while the screen
// is shown, its state on `marker.dataset.live` ("socket" or "polling", which
// the screen's polling and the tests read), asking what changed while it was
// away on every (re)connection, and trying again after 1, 5, then 30 s.
import {socketAddress} from "../api.js";
import {tokens} from "../session.js";

export function deskSocket(view, marker, socket, query, nudged) {
  const held = {ws: null, open: () => held.ws?.readyState === WebSocket.OPEN, close: () => held.ws?.close()};
  const listen = (tries = 0) => {
    let ws;
    try {
      ws = held.ws = new WebSocket(socketAddress(socket, {...query, access_token: tokens()?.access || ""}));
    } catch {
      return;  // refused by the page's policy or the browser: polling goes on
    }
    let ping;
    ws.onopen = () => {
      tries = 0;
      marker.dataset.live = "socket";
      ping = setInterval(() => ws.send(JSON.stringify({action: "ping"})), 300000);
      ws.send(JSON.stringify({action: "since"}));  // what changed while it was away: read it again
    };
    ws.onmessage = event => nudged(JSON.parse(event.data));
    ws.onclose = () => {
      clearInterval(ping);
      marker.dataset.live = "polling";
      if (view.isConnected) setTimeout(() => view.isConnected && listen(tries + 1), [1000, 5000, 30000][Math.min(tries, 2)]);
    };
  };
  if (socket && "WebSocket" in window) listen();
  return held;
}
