// Every service a resident can use, grouped as residents think of them: the
// home page is drawn from this list, so a new service is one line here (and
// its words in web/messages: home.<key> and home.<key>_hint).
// `property`: the service is for an address; with one remembered it opens
// for it, otherwise the address is asked for first (/property?then=<path>).
// `who`: "guest" or "member" when only one of them is offered it. A service the
// council has switched off (its settings, /v1/council) is not shown, unless the
// council names who provides it instead: then its link leads to who that is.
import {offers, providedBy} from "./council.js";

export const GROUPS = [
  {group: "waste", services: [
    {key: "bin_days", href: "/property", property: "property"},
    {key: "bulky", href: "/bulky", property: "bulky"},
    {key: "garden", href: "/garden", property: "garden"},
    {key: "missed_bin", href: "/missed-bin", property: "missed-bin"},
    {key: "containers", href: "/containers", property: "containers"},
    {key: "trade_waste", href: "/business?trade", who: "member"},  // asked for by telling us of the business
  ]},
  {group: "report", services: [
    {key: "report", href: "/report/category"},
    {key: "track", href: "/track"},
    {key: "my_reports", href: "/account/reports", who: "member"},
    {key: "repairs", href: "/repairs"},
  ]},
  {group: "pay", services: [
    {key: "pay", href: "/pay"},
    {key: "council_tax", href: "/account/council-tax"},
  ]},
  {group: "say", services: [
    {key: "petitions", href: "/petitions"},
    {key: "meetings", href: "/meetings"},
    {key: "consultations", href: "/consultations"},
  ]},
  {group: "ask", services: [
    {key: "chat", href: "/chat?from=home"},
    {key: "forms", href: "/forms"},
    {key: "appointments", href: "/appointments"},
  ]},
  {group: "near", services: [
    {key: "find", href: "/find"},
    {key: "alerts", href: "/alerts"},
    {key: "hire", href: "/hire"},
    {key: "planning", href: "/planning"},
    {key: "licensing", href: "/licensing"},
  ]},
  {group: "account", services: [
    {key: "sign_in", href: "/sign-in?next=/", who: "guest"},
    {key: "register", href: "/register", who: "guest"},
    {key: "account", href: "/account", who: "member"},
    {key: "moving", href: "/moving", who: "member"},
    {key: "starting_school", href: "/starting-school", who: "member"},
    {key: "schools", href: "/schools", who: "member"},
    {key: "business", href: "/business", who: "member"},
  ]},
];

/** Where a service's link leads, for a home (or none) remembered on this phone. */
export function serviceHref(service, home) {
  if (!service.property) return service.href;
  if (home) return `${service.href}?uprn=${encodeURIComponent(home.uprn)}`;
  return service.property === "property" ? service.href : `/property?then=${service.property}`;
}

/** The groups as one kind of resident sees them (signed in or not), with what the council offers or says who
 * provides (`elsewhere`); a group left with nothing is not shown. */
export function servicesFor(member) {
  return GROUPS.map(g => ({...g, services: g.services.filter(s => (!s.who || (s.who === "member") === member)
    && (offers(s.key) || providedBy(s.key))).map(s => offers(s.key) ? s : {...s, elsewhere: providedBy(s.key)})}))
    .filter(g => g.services.length);
}

/** The service whose screens `url` shows, where the council does not offer it (null else): who provides it
 * instead, when the council names them, or that it is not offered here. /property?then=<service> is that
 * service's door, and /property itself bin days'. */
export function unavailable(url) {
  const then = url.pathname === "/property" && url.searchParams.get("then");
  const path = then ? `/${then}` : url.pathname;
  const found = GROUPS.flatMap(g => g.services).find(s => s.href.startsWith("/") && !s.href.includes("?")
    && s.href !== "/" && (path === s.href || path.startsWith(`${s.href}/`)));
  return found && !offers(found.key) ? found : null;
}
