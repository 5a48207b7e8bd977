/*
 * Bricks in the hand, in the page itself: the palette's cards (.st-key-palette > wrapper of .st-key-pal_<card>)
 * and the head's bricks (.st-key-head > wrapper of .st-key-brick_<id>) become draggable from anywhere but
 * their inputs and buttons (SortableJS, pointer-driven so mouse, pen and a long touch all work), and
 * focusable: Enter on a card adds it; Alt+Up/Down on a brick moves it, Delete takes it out, Up/Down go to the
 * brick above/below.
 *
 * Streamlit (React) owns these elements, so after a drop every element goes back where it was, and only the
 * edit is sent to Python: {kind: "add", card, at} | {kind: "move", brick, at} | {kind: "remove", brick}
 * (plus an `id`, so two equal edits in a row are two edits). The page reruns and draws the new head.
 */
"use strict";
(function () {
  if (window.minifigHand) return;

  const FILTER = [
    "input", "textarea", "select", "button", "a", "label", "[role='button']", "[role='combobox']",
    "[role='listbox']", "[role='option']", "[role='slider']", "[role='spinbutton']", "[data-baseweb='select']",
    "[contenteditable='true']",
  ].join(", ");
  const CARD = /(?:^|\s)st-key-pal_(\S+)/;
  const BRICK = /(?:^|\s)st-key-brick_(\d+)/;

  const s = {
    args: { head: [], cards: {}, words: {} },
    send: null,
    palette: null,
    head: null,
    sortables: [],
    dragging: false,
    start: null, // where the dragged element was: {parent, next, place}
    focus: null, // the brick id to focus once the head is drawn in the order Python sent
    scheduled: false,
    live: null,
  };

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  }

  function keyOf(wrapper, pattern) {
    for (const el of [wrapper, ...wrapper.children]) {
      const found = (el.getAttribute("class") || "").match(pattern);
      if (found) return found[1];
    }
    return null;
  }

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== String(value)) el.setAttribute(name, value);
  }

  const bricks = () => (s.head ? [...s.head.children].filter((el) => el.dataset.brick) : []);
  const placeOf = (el) => [...el.parentNode.children].slice(0, [...el.parentNode.children].indexOf(el))
    .filter((sibling) => sibling.dataset.brick && sibling !== el).length;
  const cardName = (id) => (s.args.cards || {})[id] || id;

  function tag() {
    const words = s.args.words || {};
    if (s.palette) {
      for (const child of s.palette.children) {
        const id = keyOf(child, CARD);
        if (!id) continue;
        child.dataset.card = id;
        setAttr(child, "tabindex", 0);
        setAttr(child, "role", "group");
        setAttr(child, "aria-label", fill(words.card, { card: cardName(id) }));
      }
    }
    if (s.head) {
      const found = [...s.head.children].filter((child) => keyOf(child, BRICK));
      const cards = Object.fromEntries((s.args.head || []).map((b) => [String(b.uid), b.card]));
      for (const child of s.head.children) if (!found.includes(child)) delete child.dataset.brick;
      found.forEach((child, i) => {
        const uid = keyOf(child, BRICK);
        child.dataset.brick = uid;
        setAttr(child, "tabindex", 0);
        setAttr(child, "role", "group");
        const label = { n: i + 1, count: found.length, card: cardName(cards[uid]) };
        setAttr(child, "aria-label", fill(words.brick, label));
      });
    }
  }

  function restoreFocus() {
    if (s.focus === null || !s.head) return;
    const drawn = bricks().map((el) => el.dataset.brick).join(",");
    const sent = (s.args.head || []).map((b) => String(b.uid)).join(",");
    if (drawn !== sent) return; // Python's new head is not drawn yet
    const wanted = s.focus === "head" ? null : s.head.querySelector(`:scope > [data-brick="${s.focus}"]`);
    const target = wanted || bricks()[0] || document.querySelector(".st-key-palette > [data-card]");
    s.focus = null;
    if (target) target.focus();
  }

  function say(key, values) {
    if (!s.live) {
      s.live = document.createElement("div");
      s.live.className = "minifig-sr";
      s.live.setAttribute("aria-live", "polite");
      document.body.appendChild(s.live);
    }
    s.live.textContent = fill((s.args.words || {})[key], values);
  }

  let sent = 0;
  function send(edit) {
    if (!s.send) return;
    sent += 1;
    s.send(Object.assign({ id: `${Date.now()}-${sent}` }, edit));
  }

  // --- dragging ------------------------------------------------------------------------------------

  function chosen(evt) {
    const item = evt.item;
    s.start = { parent: item.parentNode, next: item.nextSibling, place: placeOf(item) };
  }

  function started(evt) {
    s.dragging = true;
    document.body.classList.add(evt.from === s.head ? "minifig-dragging-brick" : "minifig-dragging-card");
  }

  function dropped(evt) {
    const item = evt.item;
    const to = item.parentNode;
    const at = to ? placeOf(item) : null;
    const start = s.start || {};
    if (evt.clone && evt.clone !== item && evt.clone.parentNode) evt.clone.parentNode.removeChild(evt.clone);
    if (start.parent) {
      const next = start.next && start.next.parentNode === start.parent ? start.next : null;
      start.parent.insertBefore(item, next); // React's order again; Python draws the new one
    }
    document.body.classList.remove("minifig-dragging-brick", "minifig-dragging-card");
    s.dragging = false;
    s.start = null;
    if (start.parent === s.palette && to === s.head && item.dataset.card) {
      send({ kind: "add", card: item.dataset.card, at: at });
      say("added", { card: cardName(item.dataset.card), n: at + 1 });
    } else if (start.parent === s.head && to === s.head && at !== start.place) {
      send({ kind: "move", brick: Number(item.dataset.brick), at: at });
      say("moved", { card: cardName(brickCard(item)), n: at + 1 });
    } else if (start.parent === s.head && to === s.palette) {
      send({ kind: "remove", brick: Number(item.dataset.brick) });
      say("removed", { card: cardName(brickCard(item)) });
    }
    schedule();
  }

  function brickCard(el) {
    const found = (s.args.head || []).find((b) => String(b.uid) === el.dataset.brick);
    return found ? found.card : "";
  }

  function options(extra) {
    return Object.assign(
      {
        animation: 120,
        forceFallback: true, // pointer events, not HTML5 drag: the same on mouse, pen and touch
        fallbackOnBody: true,
        fallbackTolerance: 3,
        delay: 200, // a touch must rest a moment before it drags, so a finger can still scroll the page
        delayOnTouchOnly: true,
        filter: FILTER,
        preventOnFilter: false, // inputs and buttons keep their clicks
        onChoose: chosen,
        onStart: started,
        onEnd: dropped,
      },
      extra,
    );
  }

  // --- keys ----------------------------------------------------------------------------------------

  function onKey(e) {
    const el = e.target;
    if (!(el instanceof HTMLElement) || e.ctrlKey || e.metaKey) return;
    if (el.dataset.card && el.parentNode === s.palette && (e.key === "Enter" || e.key === " ") && !e.altKey) {
      e.preventDefault();
      send({ kind: "add", card: el.dataset.card });
      say("added", { card: cardName(el.dataset.card), n: bricks().length + 1 });
      return;
    }
    if (!el.dataset.brick || el.parentNode !== s.head) return;
    const all = bricks();
    const i = all.indexOf(el);
    const uid = Number(el.dataset.brick);
    if ((e.key === "ArrowUp" || e.key === "ArrowDown") && e.altKey) {
      e.preventDefault();
      const at = i + (e.key === "ArrowUp" ? -1 : 1);
      if (at < 0 || at >= all.length) return;
      s.focus = String(uid);
      send({ kind: "move", brick: uid, at: at });
      say("moved", { card: cardName(brickCard(el)), n: at + 1 });
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const neighbour = all[i + 1] || all[i - 1];
      s.focus = neighbour ? neighbour.dataset.brick : "head";
      send({ kind: "remove", brick: uid });
      say("removed", { card: cardName(brickCard(el)) });
    } else if ((e.key === "ArrowUp" || e.key === "ArrowDown") && !e.shiftKey) {
      const next = all[i + (e.key === "ArrowUp" ? -1 : 1)];
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
  }

  // --- keeping up with the page --------------------------------------------------------------------

  function wire() {
    s.scheduled = false;
    if (s.dragging) return;
    const palette = document.querySelector(".st-key-palette");
    const head = document.querySelector(".st-key-head");
    if (palette !== s.palette || head !== s.head) {
      s.sortables.forEach((sortable) => sortable.destroy());
      s.sortables = [];
      s.palette = palette;
      s.head = head;
      if (palette && head) {
        const group = "minifig-bricks";
        const fromHead = (to, from) => from.el === s.head; // a head brick dropped on the palette leaves the head
        s.sortables.push(
          window.Sortable.create(palette, options({
            group: { name: group, pull: "clone", put: fromHead }, sort: false, draggable: "[data-card]",
          })),
          window.Sortable.create(head, options({ group: { name: group, pull: true, put: true }, draggable: "[data-brick]" })),
        );
      }
    }
    tag();
    restoreFocus();
  }

  function schedule() {
    if (s.scheduled) return;
    s.scheduled = true;
    requestAnimationFrame(wire);
  }

  window.minifigHand = {
    update(args, sendToPython) {
      s.args = args || s.args;
      s.send = sendToPython;
      schedule();
    },
  };
  document.addEventListener("keydown", onKey);
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  schedule();
})();
