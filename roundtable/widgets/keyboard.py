"""Two small front-end pieces that ipywidgets lacks, shipped with the
collection as anywidget modules (JavaScript sent by the kernel; no JupyterLab
extension to build or install, and nothing fetched from the network).

- `ChoiceGroup`: a quiz's options as native radio buttons in a <fieldset>
  whose <legend> is the question, so a screen reader names the group by its
  question ("1. Who said ...? radio group, 4 items"). ipywidgets'
  RadioButtons renders a bare <div> that no assistive technology can name.
- `KeyGuard`: JupyterLab listens for its notebook shortcuts on the document,
  in the bubbling phase, and takes plain letter and arrow keys pressed on a
  widget's button or option as commands (ipywidgets#3912: an arrow key moved
  to another cell, `m` turned a quiz's cell into text). The guard stops plain
  key presses at the output that holds our widget, before they reach the
  document; the widget itself still gets them. Keys with Ctrl, Cmd or Alt (Save,
  Undo) and Escape (leave the widget) go through as usual.
"""
from __future__ import annotations

import anywidget
import traitlets

#: Keys JupyterLab should still see while a widget has the focus.
PASSED_KEYS = ("Escape",)

_GUARD_JS = """
const PASSED = new Set(%s);
function guard(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || PASSED.has(event.key)) return;
  event.stopPropagation();
}
export function protect(el) {
  // The output area that holds the widget, once it is attached to the page.
  const attach = (tries) => {
    const host = el.closest('.jp-OutputArea-output') || el.parentElement;
    if (!host) { if (tries < 600) requestAnimationFrame(() => attach(tries + 1)); return; }
    if (host.dataset.rtKeyguard) return;
    host.dataset.rtKeyguard = 'on';
    host.addEventListener('keydown', guard);
  };
  attach(0);
}
""" % (list(PASSED_KEYS),)

_CHOICE_JS = _GUARD_JS + """
let groups = 0;
function render({ model, el }) {
  const name = `rt-choice-${Date.now().toString(36)}-${groups++}`;
  const set = document.createElement('fieldset');
  set.className = 'rt-choices';
  const legend = document.createElement('legend');
  legend.textContent = model.get('label');
  const note = document.createElement('div');
  // Our own markup, built and escaped by the package (a folded paragraph).
  note.innerHTML = model.get('note_html');
  set.append(legend, note);
  const inputs = model.get('options').map((text) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.value = text;
    input.checked = model.get('value') === text;
    input.addEventListener('change', () => { if (input.checked) { model.set('value', text); model.save_changes(); } });
    const span = document.createElement('span');
    span.textContent = text;
    label.append(input, span);
    set.append(label);
    return input;
  });
  model.on('change:value', () => { for (const input of inputs) input.checked = model.get('value') === input.value; });
  el.append(set);
  protect(el);
}
export default { render };
"""

_CHOICE_CSS = """
.rt-choices { border: none; margin: 0 0 .3em 0; padding: 0; min-width: 0; }
.rt-choices legend { padding: 0; margin: .3em 0; font-size: var(--jp-content-font-size1, 14px);
  color: var(--jp-content-font-color1, #000); line-height: 1.45; }
.rt-choices label { display: flex; align-items: flex-start; gap: .5em; margin: .2em 0; line-height: 1.4;
  font-size: var(--jp-widgets-font-size, 13px); color: var(--jp-widgets-label-color, #000); cursor: pointer; }
.rt-choices input { flex: none; margin: .2em 0 0 0; width: 1em; height: 1em; }
.rt-choices input:focus-visible { outline: 3px solid #1a4f8b; outline-offset: 2px; }
"""


class ChoiceGroup(anywidget.AnyWidget):
    """One question's options, a radio group named by the question.

    `value` is the chosen option's text (None until one is chosen), as with
    ipywidgets' RadioButtons, so callbacks and tests set it the same way."""

    _esm = _CHOICE_JS
    _css = _CHOICE_CSS
    label = traitlets.Unicode("").tag(sync=True)
    note_html = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)
    value = traitlets.Unicode(None, allow_none=True).tag(sync=True)

    @traitlets.validate("value")
    def _known_option(self, proposal):
        value = proposal["value"]
        if value is not None and value not in self.options:
            raise traitlets.TraitError(f"{value!r} is not one of this question's options")
        return value


class KeyGuard(anywidget.AnyWidget):
    """Invisible: keeps plain key presses inside the output that shows it."""

    _esm = _GUARD_JS + "\nexport default { render({ el }) { el.style.display = 'none'; protect(el); } };\n"
