// The answer ahead of the server: while the learner moves one of the question's sliders, the headline says the
// answer at the slider's new value at once, read from the tables the page sent with its last run (for each slider,
// the answer at each of its stops, the other sliders staying where they are). The page's own run, a moment later,
// writes the same words in the same place.
//
// Taking hold of one slider (a key or a press on it) makes the other sliders' tables wrong (they were answered at its
// old value): they are dropped. All tables are dropped at any click or key press elsewhere on the page (that may
// change the figure: Train, a brick, time travel), until the page mounts this component again with fresh ones.

const HEADLINE = ".st-key-prediction h3 [data-heading-text]";

function sliderKey(ahead, element) {
  return Object.keys(ahead.tables).find((key) => element.closest(`.st-key-${key}`));
}

function sayAhead(ahead, moved) {
  const key = sliderKey(ahead, moved);
  const slider = key === undefined ? null : document.querySelector(`.st-key-${key} input[type=range]`);
  if (!slider) return;
  const said = ahead.tables[key]?.[slider.getAttribute("aria-valuetext")];
  const headline = document.querySelector(HEADLINE);
  if (!said || !headline || headline.childNodes.length !== 1) return;
  const text = headline.firstChild; // the page's own text node: React writes it again, so it is changed, not replaced
  if (text.nodeType === Node.TEXT_NODE && text.nodeValue !== said) text.nodeValue = said;
}

export default function ({ data }) {
  const ahead = (window.__minifigAhead ??= { tables: {}, listening: false });
  ahead.tables = data?.tables ?? {};
  const forget = () => {
    ahead.tables = {};
  };
  if (ahead.listening) return forget;
  ahead.listening = true;
  for (const kind of ["pointerdown", "keydown"]) {
    document.addEventListener(
      kind,
      (event) => {
        const key = event.target instanceof Element ? sliderKey(ahead, event.target) : undefined;
        // the learner moves one slider: the other sliders' answers were for its old value
        ahead.tables = key === undefined ? {} : { [key]: ahead.tables[key] };
      },
      true,
    );
  }
  new MutationObserver((changes) => {
    for (const change of changes) sayAhead(ahead, change.target);
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["aria-valuetext"] });
  return forget; // the question is gone from the page (no head to ask, another data set): nothing to say ahead
}
