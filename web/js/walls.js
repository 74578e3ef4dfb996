// Why a screen asks the resident to sign in, told on the sign-in page by the
// place they were going (?next=), where signing in (or a new account, once
// its address is confirmed) takes them back. Each reason is
// sign_in.why.<key> in web/messages; a place not listed gets no reason.
const WALLS = [
  [/^\/bulky\/bookings\/[^/?]+\/change/, "bulky_change"],
  [/^\/bulky\/bookings\//, "bulky_booking"],
  [/^\/bulky(\?|$)/, "bulky"],
  [/^\/garden\/subscriptions\//, "garden_subscription"],
  [/^\/garden(\?|$)/, "garden"],
  [/^\/missed-bin(\?|$)/, "missed_bin"],
  [/^\/containers(\/|\?|$)/, "containers"],
  [/^\/hire(\/|\?|$)/, "hire"],
  [/^\/petitions\/new/, "petition_new"],
  [/^\/account\/reports/, "my_reports"],
  [/^\/account\/council-tax/, "council_tax"],
  [/^\/account\/meetings/, "my_meetings"],
  [/^\/account\/delete/, "account_delete"],
  [/^\/account(\?|$)/, "account"],
  [/^\/report\/contact/, "report"],
  [/^\/alerts(\?|$)/, "alerts"],
  [/^\/pay(\/|\?|$)/, "pay"],
  [/^\/forms(\/|\?|$)/, "forms"],
  [/^\/appointments(\/|\?|$)/, "appointments"],
  [/^\/meetings\/\d+\/items\/\d+\/speak/, "speak"],
  [/^\/meetings\/\d+\/items\/\d+\/question/, "question"],
  [/^\/meetings\/\d+\/live/, "live_question"],
  [/^\/staff/, "staff"],
  [/^\/crew/, "crew"],
  [/^\/landlords(\/|\?|$)/, "landlords"],
  [/^\/repairs(\/|\?|$)/, "repairs"],
  [/^\/moving(\/|\?|$)/, "moving"],
  [/^\/schools(\/|\?|$)/, "schools"],
  [/^\/starting-school(\/|\?|$)/, "starting"],
  [/^\/business(\/|\?|$)/, "business"],
  [/^\/licensing\/(apply|cases)\//, "licensing"],
];

export function wallReason(next) {
  const found = next ? WALLS.find(([place]) => place.test(next)) : null;
  return found ? found[1] : null;
}

// A new account is confirmed from an e-mail, perhaps in another tab: the place
// it was made for is kept on this phone until then.
const PLACE = "doorstep.return";

export function keepPlace(next) {
  if (next) localStorage.setItem(PLACE, next); else localStorage.removeItem(PLACE);
}

export function keptPlace() {
  return localStorage.getItem(PLACE);
}
