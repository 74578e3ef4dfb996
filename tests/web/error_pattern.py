"""GOV.UK's error pattern, checked on the screen a form was sent from: a
summary above the h1, each of its entries a link to a field that exists and
shows the same words, in words a person would say (never a question put
after "Select" as it was asked), every field in error listed, and every
field left empty either flagged or labelled "(optional)"."""

# Run in the page after a submit; returns every break of the pattern, in words.
BREAKS = """({empty}) => {
  const screen = document.querySelector("#screen");
  const words = el => el.textContent.replace(/^\\s*Error:\\s*/, "").replace(/\\s+/g, " ").trim();
  // A question put after "Select" or "Enter" with its verb still before its subject: "Select do you support
  // it", "Enter when did it happen", "Select what would you like to tell us".
  const AUX = "(am|is|are|was|were|do|does|did|have|has|had|can|could|will|would|shall|should|may|might|must)";
  const TURNED = new RegExp(`^(Select|Enter) (${AUX}|(what|which|who|why|when|where|how)( \\\\w+)? ${AUX} `
    + "(i|you|your|it|its|they|their|we|our|he|she|the|this|that|there|my))\\\\b", "i");
  const summaries = screen.querySelectorAll(".error-summary");
  if (summaries.length !== 1) return [`${summaries.length} error summaries`];
  const summary = summaries[0];
  const breaks = [];
  const heading = screen.querySelector("h1");
  if (!heading) breaks.push("no h1");
  else if (!(summary.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING)) {
    breaks.push("the summary is not above the h1");
  }
  const entries = [...summary.querySelectorAll("li")];
  if (!entries.length) breaks.push("the summary lists nothing");
  const linked = new Set();
  for (const entry of entries) {
    const link = entry.querySelector("a[href^='#']");
    if (!link) { breaks.push(`not a link: "${words(entry)}"`); continue; }
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { breaks.push(`links to no field: "${words(link)}"`); continue; }
    const group = target.closest(".form-group--error");  // a question of several parts: its own group
    const message = group && group.querySelector(".error-message");
    if (!message) { breaks.push(`its field shows no error: "${words(link)}"`); continue; }
    linked.add(message);
    if (words(message) !== words(link)) breaks.push(`summary "${words(link)}" but field "${words(message)}"`);
    const labelled = [...screen.querySelectorAll("label, legend")].map(l => words(l).replace(/\\s*\\(optional\\)$/, ""))
      .some(l => l && words(link).startsWith(`${l}:`));
    if (labelled || /^(Answer this question|Is required|Must be|Enter an answer)\\b|\\?$/.test(words(link))
        || TURNED.test(words(link))) {
      breaks.push(`not the question's own words: "${words(link)}"`);
    }
  }
  for (const message of screen.querySelectorAll(".error-message")) {
    if (!linked.has(message) && message.offsetParent) breaks.push(`not in the summary: "${words(message)}"`);
  }
  if (empty) {
    const root = screen.querySelector("form[data-walked]") || screen;
    for (const group of root.querySelectorAll(".form-group")) {
      if (!group.offsetParent || group.classList.contains("form-group--error")) continue;
      if (group.parentElement.closest(".form-group") || !group.dataset.field) continue;  // a part of another field
      const controls = [...group.querySelectorAll("input, textarea, select")]
        .filter(c => !["hidden", "submit", "search"].includes(c.type) && !c.disabled && !c.readOnly);  // a search box filters
      if (!controls.length) continue;
      if (controls.length === 1 && controls[0].type === "checkbox") continue;  // a yes/no of its own
      if (controls.some(c => c.tagName === "SELECT" || c.checked || ((c.type !== "radio" && c.type !== "checkbox") && c.value.trim()))) continue;
      const label = group.querySelector("legend, label, .label");
      if (!label || !/\\(optional\\)/.test(label.textContent)) {
        breaks.push(`left empty, neither flagged nor "(optional)": "${label ? words(label) : group.dataset.field}"`);
      }
    }
  }
  return breaks;
}"""


def pattern_breaks(page, empty=False):
    """Every break of the pattern on the page now, in words (empty: the form, marked data-walked, was
    sent as it was drawn)."""
    return page.evaluate(BREAKS, {"empty": empty})
