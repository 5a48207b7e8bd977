/*
 * The bricks component's frame: Streamlit's component protocol (streamlit:componentReady, :render,
 * :setComponentValue, :setFrameHeight) by hand, so there is no build step. The frame itself shows nothing;
 * it loads Sortable.min.js, hand.js and hand.css into the page (once) and hands each render's arguments to
 * the page's `minifigHand`, with a function that sends an edit back to Python.
 */
"use strict";
(function () {
  const page = window.parent;
  const doc = page.document;
  const here = (name) => new URL(name, window.location.href).href;

  function post(type, data) {
    page.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }

  function send(value) {
    post("streamlit:setComponentValue", { value: value, dataType: "json" });
  }

  function addScript(id, src, then) {
    const script = doc.createElement("script");
    script.id = id;
    script.src = src;
    script.onload = then;
    doc.head.appendChild(script);
  }

  function loadHand() {
    if (page.minifigHand || doc.getElementById("minifig-hand-js")) return;
    if (!doc.getElementById("minifig-hand-css")) {
      const link = doc.createElement("link");
      link.id = "minifig-hand-css";
      link.rel = "stylesheet";
      link.href = here("hand.css");
      doc.head.appendChild(link);
    }
    const hand = () => addScript("minifig-hand-js", here("hand.js"));
    if (page.Sortable) hand();
    else addScript("minifig-sortable-js", here("Sortable.min.js"), hand);
  }

  function whenLoaded(then, triesLeft) {
    if (page.minifigHand) then(page.minifigHand);
    else if (triesLeft > 0) setTimeout(() => whenLoaded(then, triesLeft - 1), 50);
  }

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "streamlit:render") return;
    const args = data.args || {};
    whenLoaded((hand) => hand.update(args, send), 400);
  });

  loadHand();
  post("streamlit:componentReady", { apiVersion: 1 });
  post("streamlit:setFrameHeight", { height: 0 });
})();
