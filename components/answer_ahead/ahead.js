// The answer ahead of the server: while the learner moves the question's slider, the headline says the answer at
// the slider's new value at once, read from the table the page sent with its last run (one answer per stop of the
// slider). The page's own run, a moment later, writes the same words in the same place.
//
// The table is dropped at any click or key press elsewhere on the page (that may change the figure: Train, a brick,
// time travel), until the page mounts this component again with a fresh one.

const SLIDER = ".st-key-predict_input input[type=range]";
const HEADLINE = ".st-key-prediction h3 [data-heading-text]";

function sayAhead(ahead) {
  const slider = document.querySelector(SLIDER);
  const said = ahead.table && slider && ahead.table[slider.getAttribute("aria-valuetext")];
  const headline = document.querySelector(HEADLINE);
  if (!said || !headline || headline.childNodes.length !== 1) return;
  const text = headline.firstChild; // the page's own text node: React writes it again, so it is changed, not replaced
  if (text.nodeType === Node.TEXT_NODE && text.nodeValue !== said) text.nodeValue = said;
}

export default function ({ data }) {
  const ahead = (window.__minifigAhead ??= { table: null, listening: false });
  ahead.table = data?.table ?? null;
  const forget = () => {
    ahead.table = null;
  };
  if (ahead.listening) return forget;
  ahead.listening = true;
  for (const kind of ["pointerdown", "keydown"]) {
    document.addEventListener(
      kind,
      (event) => {
        if (!event.target?.closest?.(".st-key-predict_input")) ahead.table = null;
      },
      true,
    );
  }
  new MutationObserver(() => sayAhead(ahead)).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-valuetext"],
  });
  return forget; // the question is gone from the page (no head to ask, another data set): nothing to say ahead
}
