// The resident's property: the one remembered on this phone or, for a
// signed-in resident with none here (a new phone), the address of their
// latest bulky booking or garden subscription, remembered from then on as the
// account's (forgotten on signing out: a shared phone keeps none of it).
// A move told in the account wins from its date (London's day, as /v1/me
// answers the address then): the new home, or none after leaving York, so the
// bin days shown are the new street's; once per move, so a property chosen on
// this phone afterwards stands.
import {api, myProfile} from "./api.js";
import {signedIn} from "./session.js";
import {followMove, followedMove, property, rememberProperty} from "./store.js";

const londonToday = () => new Intl.DateTimeFormat("en-CA", {timeZone: "Europe/London"}).format(new Date());

async function moved() {
  const me = await myProfile();
  const move = me?.moving_to;
  if (!move || move.from > londonToday() || followedMove() === move.move_id) return false;
  // The move's own new home, not the profile's address: the server's day may not yet be the phone's.
  followMove(move.move_id, move.uprn ? {uprn: move.uprn, address: move.address, from: "account"} : null);
  return true;
}

export async function myProperty() {
  if (signedIn() && await moved()) return property();
  const kept = property();
  if (kept || !signedIn() || followedMove()) return kept;  // after a move, the old home's bookings say nothing
  const [bookings, subscriptions] = await Promise.all([
    api("/v1/me/bulky-bookings").then(answer => answer.bookings, () => []),
    api("/v1/me/garden-subscriptions").then(answer => answer.subscriptions, () => [])]);
  const latest = bookings[0] || subscriptions[0];
  if (!latest) return null;
  const place = {uprn: latest.uprn, address: latest.address, from: "account"};
  rememberProperty(place);
  return place;
}
