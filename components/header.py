"""Page title, the guided lesson's start, the copy-link button and the language switch, on one line."""

import json
from html import escape

import streamlit as st

from components.state import refresh_translated_choices, tr
from minifig.i18n import LANGUAGE_NAMES

# Copies the page's address (it holds the whole figure); an address without https (a classroom server) has no
# clipboard API, so the old select-and-copy way is the fallback.
COPY_SCRIPT = """<script>
(() => {
  const button = document.querySelector('.st-key-copy_link button');
  if (!button || button.dataset.wired) return;
  button.dataset.wired = '1';
  const said = document.querySelector('.st-key-copy_link [role=status]');
  const words = JSON.parse(button.dataset.words);
  const done = (ok) => { said.textContent = ok ? words.copied : words.failed; };
  button.addEventListener('click', () => {
    const link = window.location.href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(() => done(true), () => done(false));
      return;
    }
    const area = document.createElement('textarea');
    area.value = link; document.body.appendChild(area); area.select();
    let ok = false; try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove(); done(ok);
  });
})();
</script>"""


def render_header() -> object:
    """The page's top line; returns the place beside the title where the lesson offers to start."""
    with st.container(key="page_top"):
        title, lesson, tools = st.columns([3, 2.4, 1.6], vertical_alignment="center")
        title.title(tr("ui.title"))
        title.caption(tr("ui.tagline"))
        with tools:
            language, copy = st.columns([1.5, 1], vertical_alignment="center")
            language.radio(
                tr("ui.language"),
                list(LANGUAGE_NAMES),
                key="lang",
                format_func=LANGUAGE_NAMES.get,
                horizontal=True,
                on_change=refresh_translated_choices,
                label_visibility="collapsed",
            )
            with copy:
                render_copy_link()
    return lesson


def render_copy_link() -> None:
    """A button that copies the page's address, which opens this same figure (a browser-side button: no rerun)."""
    words = json.dumps({"copied": tr("ui.link_copied"), "failed": tr("ui.link_not_copied")}, ensure_ascii=False)
    with st.container(key="copy_link"):
        st.html(
            f'<button type="button" class="minifig-copy" title="{escape(tr("ui.copy_link_help"))}"'
            f' data-words="{escape(words)}">{escape(tr("ui.copy_link"))}</button>'
            '<span role="status" class="minifig-said"></span>' + COPY_SCRIPT,
            unsafe_allow_javascript=True,
        )
