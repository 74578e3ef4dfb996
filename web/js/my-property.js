// The resident's property: the one remembered on this phone or, for a
// signed-in resident with none here (a new phone), the address of their
// latest bulky booking or garden subscription, remembered from then on as the
// account's (forgotten on signing out: a shared phone keeps none of it).
import {api} from "./api.js";
import {signedIn} from "./session.js";
import {property, rememberProperty} from "./store.js";

export async function myProperty() {
  const kept = property();
  if (kept || !signedIn()) return kept;
  const [bookings, subscriptions] = await Promise.all([
    api("/v1/me/bulky-bookings").then(answer => answer.bookings, () => []),
    api("/v1/me/garden-subscriptions").then(answer => answer.subscriptions, () => [])]);
  const latest = bookings[0] || subscriptions[0];
  if (!latest) return null;
  const place = {uprn: latest.uprn, address: latest.address, from: "account"};
  rememberProperty(place);
  return place;
}
