#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Threshold as a screen reader sees it.

Starts the real application (THRESHOLD_BIN) with an empty database in a
temporary folder, finds it on the AT-SPI desktop and drives it only through
the accessibility bus: EditableText to type, the Action interface to press
buttons, key events sent through the AT-SPI registry to move the keyboard
focus, and the State interface to see what is focused or chosen. No mouse,
no toolkit internals. (GTK 4.8 offers no AT-SPI action on a list row or a
check button and cannot move the focus on request, so module rows, quiz
choices, review rows and the rows of the completion matrix are reached
with Tab and used with Return or Space, as a keyboard user would.)

On the profiles page, the learning path, a lesson page, a quiz moment
before and after the answer is checked, and the results page; then in
supervisor mode, on the dialog that sets it up, the completion matrix, one
learner's records and the menus of both, the Refresher Periods and
Organisation Records windows, and Team Insights, it walks the accessible
tree of the page on show and checks that every interactive node has a real
name (not empty, not the toolkit's fallback of a type name such as
"GtkImage", no mnemonic underscore, not the same words twice); that the
roles and names a screen reader relies on are right, every chart named and
described by its figures in words; and that Tab reaches every control in
reading order, and comes back round.

A fault of GTK 4.8 or libadwaita 1.2 that no page can mend is reported as
"not ok ... # TODO" with the fault named, so that it shows without failing
the run; any other problem fails it.

Output is TAP, on the standard output or on the descriptor given with
--tap-fd=N (meson gives one, so that what the bus's daemons print does
not mix with it). Run it under its own X server and session bus:

  THRESHOLD_BIN=build/src/threshold THRESHOLD_CONTENT_DIR=content \\
  GSETTINGS_SCHEMA_DIR=build/data GSETTINGS_BACKEND=memory LANGUAGE=en \\
  xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \\
    dbus-run-session -- python3 tests/test-accessibility.py

Set THRESHOLD_A11Y_DUMP=1 to print each page's accessible tree as TAP
comments.
"""

import os
import re
import sys

# The session bus starts the AT-SPI registry, which says it is running on
# the standard output it inherits: a runner that reads TAP can give the
# script a descriptor of its own for it (--tap-fd=N).
for _arg in sys.argv[1:]:
    if _arg.startswith('--tap-fd='):
        sys.stdout = os.fdopen(int(_arg.split('=', 1)[1]), 'w', buffering=1)

# pyatspi comes from the distribution (python3-pyatspi). A python3 found
# first on PATH (a virtual environment, pyenv) may not see it: run again
# with the system's interpreter before giving up.
try:
    import pyatspi
except ImportError:
    SYSTEM_PYTHON = '/usr/bin/python3'
    if (os.environ.get('THRESHOLD_A11Y_REEXEC') is None and os.access(SYSTEM_PYTHON, os.X_OK)
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)):
        os.environ['THRESHOLD_A11Y_REEXEC'] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    print('1..0 # SKIP pyatspi is not installed (Debian: apt-get install python3-pyatspi)')
    sys.exit(0)

import ctypes
import ctypes.util
import shutil
import subprocess
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET

TIMEOUT = float(os.environ.get('THRESHOLD_A11Y_TIMEOUT', '30'))
DUMP = bool(os.environ.get('THRESHOLD_A11Y_DUMP'))

KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_SPACE = 0x0020
KEY_ESCAPE = 0xff1b
KEY_QUESTION = 0x003f
# The key code of the left Control key: its usual one under Xvfb, until the
# X server says (main() asks it).
CONTROL_KEYCODE = 37

# Roles a person operates. A list item or table row counts when it can take
# the keyboard focus (an activatable row); other list items are structure.
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_PUSH_BUTTON_MENU, pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LINK, pyatspi.ROLE_PAGE_TAB,
}
for extra in ('ROLE_SWITCH', 'ROLE_MENU_BUTTON'):
    if hasattr(pyatspi, extra):
        INTERACTIVE_ROLES.add(getattr(pyatspi, extra))
ROW_ROLES = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TREE_ITEM}
TEXT_ROLES = {pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT}

# GTK 4.8 names an unlabelled widget after its type ("GtkImage" for an icon
# button, "GtkMenuButton"): to a screen reader user that is no name at all.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Gdk|Th)[A-Z][A-Za-z0-9]*$')
# A mnemonic that leaked into the name: "_Next".
MNEMONIC = re.compile(r'(^|\s)_[^\s_]')

NS = '{urn:x-threshold:module:1}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


# ---------------------------------------------------------------- TAP

class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, passed, description, details=()):
        self.n += 1
        if not passed:
            self.failed += 1
        print('%s %d - %s' % ('ok' if passed else 'not ok', self.n, description), flush=True)
        for line in details:
            self.diag(line)
        return passed

    def todo(self, description, reason, details=()):
        """A failure that is known and expected: a fault of the toolkit."""
        self.n += 1
        print('not ok %d - %s # TODO %s' % (self.n, description, reason), flush=True)
        for line in details:
            self.diag(line)

    def skip(self, description, reason):
        self.n += 1
        print('ok %d - %s # SKIP %s' % (self.n, description, reason), flush=True)

    @staticmethod
    def diag(text):
        for line in str(text).splitlines() or ['']:
            print('# ' + line, flush=True)

    def finish(self):
        print('1..%d' % self.n, flush=True)
        return 1 if self.failed else 0


TAP = Tap()


class Bail(Exception):
    """A step the rest depends on failed."""


def wait_for(what, fn, timeout=TIMEOUT, interval=0.1):
    """Polls @fn until it returns something true; raises Bail after @timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = fn()
            if value:
                return value
        except Bail:
            raise
        except Exception as e:  # the tree changes under us while a page is built
            last_error = e
        if time.monotonic() > deadline:
            raise Bail('timed out after %gs waiting for %s%s' %
                       (timeout, what, ' (last error: %s)' % last_error if last_error else ''))
        time.sleep(interval)


# ------------------------------------------------------- the content

def text_of(element):
    return ' '.join(''.join(element.itertext()).split()) if element is not None else ''


def load_content():
    """Module titles, with each module's scenario titles and choice texts."""
    folder = os.environ.get('THRESHOLD_CONTENT_DIR')
    modules = {}
    if not folder or not os.path.isdir(folder):
        return modules
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.xml'):
            continue
        try:
            root = ET.parse(os.path.join(folder, name)).getroot()
        except ET.ParseError:
            continue
        if root.tag != NS + 'module':
            continue
        titles = [t for t in root.findall(NS + 'title') if t.get(XML_LANG) in (None, 'en')]
        if not titles:
            continue
        scenarios = {}
        for scenario in root.iter(NS + 'scenario'):
            scenarios[text_of(scenario.find(NS + 'title'))] = {
                'multiple': scenario.get('select') == 'multiple',
                'choices': [text_of(c.find(NS + 'text')) for c in scenario.findall(NS + 'choice')],
            }
        modules[text_of(titles[0])] = scenarios
    return modules


# -------------------------------------------------- the accessible tree

def role(node):
    try:
        return node.getRole()
    except Exception:
        return pyatspi.ROLE_INVALID


def states(node):
    try:
        return node.getState()
    except Exception:
        return None


def has_state(node, state):
    s = states(node)
    return s is not None and s.contains(state)


def children(node):
    try:
        count = node.childCount
    except Exception:
        return []
    result = []
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            result.append(child)
    return result


def interfaces(node):
    try:
        return set(node.get_interfaces())
    except Exception:
        return set()


def key(node):
    """What identifies a node across calls: its object path (every node
    looked at is the application's)."""
    try:
        return node.path
    except Exception:
        return id(node)


def label(node):
    try:
        name = node.name
    except Exception:
        name = '?'
    text = node.getRoleName() if node is not None else '?'
    return '%s %r' % (text, name) if name else text


def walk(root, path=()):
    """Yields (node, path) in document order: the order a screen reader
    reads in."""
    here = path + (label(root),)
    yield root, here
    for child in children(root):
        yield from walk(child, here)


def walk_enabled(root, enabled=True):
    """Yields (node, whether it and every node above it are sensitive)."""
    enabled = enabled and has_state(root, pyatspi.STATE_SENSITIVE)
    yield root, enabled
    for child in children(root):
        yield from walk_enabled(child, enabled)


def on_show(node):
    """Whether @node is drawn: GTK 4.8 sets no "showing" state, but a node
    that is not mapped (a collapsed row's content, a hidden page) does not
    contain its own middle."""
    try:
        component = node.queryComponent()
        e = component.getExtents(pyatspi.WINDOW_COORDS)
        return e.width > 0 and e.height > 0 and component.contains(
            e.x + e.width // 2, e.y + e.height // 2, pyatspi.WINDOW_COORDS)
    except Exception:
        return False


def is_window_control(node):
    """The title bar's Minimize, Maximize and Close: out of the Tab order by
    design (the window manager's keys do their work)."""
    return (role(node) == pyatspi.ROLE_PUSH_BUTTON
            and (node.description or '').endswith(' the window'))


def actions(node):
    if 'Action' not in interfaces(node):
        return []
    try:
        action = node.queryAction()
        return [action.getName(i) for i in range(action.nActions)]
    except Exception:
        return []


def text_content(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def is_interactive(node):
    r = role(node)
    if r in INTERACTIVE_ROLES:
        return True
    if r in ROW_ROLES:
        return has_state(node, pyatspi.STATE_FOCUSABLE)
    return False


def name_problem(node):
    """Why a screen reader would not say a good name for @node, or None."""
    name = (node.name or '').strip()
    if not name:
        return 'no name'
    if TYPE_NAME.match(name):
        return 'no name (GTK falls back to the type name %r)' % name
    if MNEMONIC.search(name):
        return 'mnemonic underscore in the name %r' % name
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return 'the name says the same words twice: %r' % name
    return None


def unnamed(root):
    problems = []
    count = 0
    for node, path in walk(root):
        if not is_interactive(node):
            continue
        count += 1
        problem = name_problem(node)
        if problem:
            problems.append('%s: %s' % (' > '.join(path), problem))
    return count, problems


def find(root, predicate):
    for node, _ in walk(root):
        try:
            if predicate(node):
                return node
        except Exception:
            pass
    return None


def find_all(root, predicate):
    found = []
    for node, _ in walk(root):
        try:
            if predicate(node):
                found.append(node)
        except Exception:
            pass
    return found


def dump(root, title):
    if not DUMP:
        return
    TAP.diag('--- %s' % title)
    for node, path in walk(root):
        st = states(node)
        flags = [pyatspi.stateToString(s) for s in (pyatspi.STATE_FOCUSABLE, pyatspi.STATE_FOCUSED,
                                                     pyatspi.STATE_CHECKED, pyatspi.STATE_SENSITIVE,
                                                     pyatspi.STATE_EXPANDABLE, pyatspi.STATE_EXPANDED)
                 if st is not None and st.contains(s)]
        acts = [a for a in actions(node) if not a.startswith(('clipboard.', 'selection.', 'link.', 'menu.'))]
        TAP.diag('%s%s desc=%r %s %s' % ('  ' * (len(path) - 1), label(node), node.description, flags, acts))


# --------------------------------------------------------- the window

class App:
    def __init__(self, binary, database):
        self.binary = binary
        self.database = database
        self.process = None
        self.log = None
        self.node = None

    def start(self):
        """Starts the application, and finds it on the AT-SPI desktop. An X
        server that is resetting refuses the first client now and then:
        then it starts it again."""
        for attempt in range(3):
            self.log = tempfile.TemporaryFile(mode='w+')
            self.process = subprocess.Popen([self.binary, '--database', self.database],
                                            stdin=subprocess.DEVNULL, stdout=self.log,
                                            stderr=subprocess.STDOUT)
            try:
                self.node = wait_for('the application on the AT-SPI desktop', self._find_app)
                return
            except Bail:
                if self.process.poll() is None:
                    raise
                TAP.diag('the application exited with status %s; output:' % self.process.returncode)
                TAP.diag(self.output())
        raise Bail('the application did not start')

    def output(self):
        if self.log is None:
            return ''
        self.log.seek(0)
        return self.log.read()[-4000:]

    def _find_app(self):
        if self.process.poll() is not None:
            raise Bail('the application exited with status %s' % self.process.returncode)
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == self.process.pid and app.childCount > 0:
                    return app
            except Exception:
                continue
        return None

    def window(self):
        def frame():
            for node in children(self.node):
                if role(node) == pyatspi.ROLE_FRAME and node.name == 'Threshold':
                    return node
            return None
        return wait_for('the window "Threshold"', frame)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def find_stack(window):
    """The window's page stack: the first node whose children are stack
    pages, which GTK exposes as accessibles without a Component. It may
    hold a single page while the others are yet to be built."""
    for node, _ in walk(window):
        kids = children(node)
        if kids and all('Component' not in interfaces(k) for k in kids):
            return node
    return None


def current_page(window):
    """The page on show. Every page of the stack is in the tree; the shown
    one is the only one that contains its own middle."""
    stack = find_stack(window)
    if stack is None:
        return window
    shown = [page for stack_page in children(stack) for page in children(stack_page) if on_show(page)]
    return shown[0] if len(shown) == 1 else None


def wait_page(window, what, predicate):
    """Waits until the page on show satisfies @predicate; returns it."""
    def check():
        page = current_page(window)
        return page if page is not None and predicate(page) else None
    return wait_for(what, check)


def focused(window, page=None):
    """The node with the keyboard focus, looked for in @page first."""
    for root in ([page] if page is not None else []) + [window]:
        node = find(root, lambda n: has_state(n, pyatspi.STATE_FOCUSED) and role(n) != pyatspi.ROLE_FRAME)
        if node is not None:
            return node
    return None


def press_key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def next_focus(window, page, before, keysym=KEY_TAB, settle=3.0):
    """Presses a key and returns the node focused after it (None if no node
    says it is focused)."""
    press_key(keysym)
    deadline = time.monotonic() + settle
    node = None
    while time.monotonic() < deadline:
        time.sleep(0.05)
        node = focused(window, page)
        if node is not None and (before is None or key(node) != key(before)):
            return node
    return node


def do_action(node, names=('click', 'activate', 'press', 'toggle')):
    """Performs the first of @names that @node offers through the Action
    interface. Returns the name used, or None."""
    offered = actions(node)
    for wanted in names:
        for i, name in enumerate(offered):
            if name == wanted or name.endswith('.' + wanted):
                if node.queryAction().doAction(i):
                    return name
    return None


def focus_with_tab(window, page, target, limit=80):
    """Moves the keyboard focus to @target by pressing Tab, as a person
    would. Returns True when it got there."""
    node = focused(window, page)
    for _ in range(limit):
        if node is not None and key(node) == key(target):
            return True
        node = next_focus(window, page, node)
    return node is not None and key(node) == key(target)


# ---------------------------------------------------------- the checks

def check_names(page, where):
    count, problems = unnamed(page)
    TAP.ok(count > 0 and not problems,
           '%s: each of its %d interactive nodes has a name' % (where, count),
           problems or ([] if count else ['no interactive node found']))


# Faults of the toolkit that no page can mend. A check that finds only
# these is reported as a TODO, so that it shows and does not fail.
ENTRY_FOCUS_HIDDEN = ('libadwaita 1.2 does not tell AT-SPI when the text inside an AdwEntryRow '
                      'has the focus, so a screen reader does not hear the field being focused')


SECRET_READABLE = ("GTK 4.8's AT-SPI Text interface hands out an entry's real text, a "
                   "GtkPasswordEntry's too, where the screen shows dots: any AT-SPI client can read "
                   "it back (the password role does keep a screen reader from speaking each key)")


def report(problems, description, details=()):
    """Reports a check from its problems, each (what, the known fault of the
    toolkit behind it or None): a TODO when every problem is known."""
    new = [text for text, known in problems if known is None]
    known = sorted({k for _, k in problems if k is not None})
    lines = [text for text, _ in problems] + list(details)
    if new or not problems:
        return TAP.ok(not new, description, lines)
    TAP.todo(description, '; '.join(known), lines)
    return False


def check_tab_order(window, page, where):
    """Presses Tab around the page and checks that the focus visits every
    control, in the order of the accessible tree (the reading order)."""
    order = {}
    for index, (node, path) in enumerate(walk(page)):
        order[key(node)] = (index, node, path)
    controls = [(order[key(n)][0], n, order[key(n)][2]) for n, enabled in walk_enabled(page)
                if enabled and is_interactive(n) and has_state(n, pyatspi.STATE_FOCUSABLE)
                and not is_window_control(n) and on_show(n)]

    start = focused(window, page)
    visited = []
    problems = []
    node = start
    for _ in range(len(controls) + 40):
        node = next_focus(window, page, node)
        if node is None:
            visited.append(None)
            if visited[-4:] == [None] * 4:
                problems.append(('the focus went where no accessible node says it is focused', None))
                break
            continue
        if visited and visited[-1] is not None and key(visited[-1]) == key(node):
            problems.append(('Tab does not move the focus on from %s' % label(node), None))
            break
        if start is not None and key(node) == key(start):
            visited.append(node)
            break
        if any(v is not None and key(v) == key(node) for v in visited):
            visited.append(node)
            break
        visited.append(node)
        if start is None:
            start = node
    else:
        problems.append(('the focus did not come back round to where it started', None))

    # A control counts as reached when it, or something inside it (a row's
    # header, the text inside an entry), took the focus.
    ancestors = {}

    def note(node, above):
        ancestors[key(node)] = above
        for child in children(node):
            note(child, above | {key(node)})
    note(page, frozenset())
    reached = set()
    for v in visited:
        if v is not None:
            reached.add(key(v))
            reached |= ancestors.get(key(v), set())
    stops_without_node = visited.count(None)
    for _, n, path in sorted(controls, key=lambda c: c[0]):
        here = ' > '.join(path)
        if key(n) in reached:
            continue
        known = None
        if role(n) in TEXT_ROLES and stops_without_node > 0:
            stops_without_node -= 1
            known = ENTRY_FOCUS_HIDDEN
        problems.append(('Tab never reaches %s' % here, known))
    for v in visited:
        if v is not None and key(v) not in order:
            problems.append(('Tab takes the focus off the page, to %s' % label(v), None))

    # In reading order: the stops on the page, taken from the first one in
    # the tree, follow the tree.
    indices = [order[key(v)][0] for v in visited if v is not None and key(v) in order]
    if indices:
        low = indices.index(min(indices))
        ring = indices[low:] + indices[:low]
        ring = [i for j, i in enumerate(ring) if i not in ring[:j]]
        for a, b in zip(ring, ring[1:]):
            if b < a:
                problems.append(('the focus goes from %s back up to %s, against the reading order'
                                 % (label(order_node(order, a)), label(order_node(order, b))), None))
    sequence = ', '.join(label(v) if v is not None else '(a node that does not say it is focused)'
                         for v in visited)
    report(problems, '%s: Tab reaches every control, in reading order' % where, ['Tab order: ' + sequence])


def order_node(order, index):
    for i, n, _ in order.values():
        if i == index:
            return n
    return None


def button(page, name):
    return find(page, lambda n: role(n) in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                and (n.name or '').strip() == name)


def button_like(page, name):
    """A button whose name contains @name: found even while it is badly
    named, so that the run goes on to check the pages after it."""
    return find(page, lambda n: role(n) in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                and name in (n.name or '') and not has_state(n, pyatspi.STATE_DEFUNCT))


def click(page, name, where):
    node = button_like(page, name)
    if node is None:
        raise Bail('%s: no button named %r' % (where, name))
    used = do_action(node)
    if used is None:
        raise Bail('%s: the button %r offers no action (has %s)' % (where, name, actions(node)))
    return node


# ---------------------------------------------------------- the pages

def check_secret_fields(fields, secrets, where, what):
    """Checks that PIN or passphrase fields have the password role, then
    types @secrets into them through EditableText and checks that the Text
    interface does not give them back."""
    problems = []
    for field in fields:
        if field is None:
            problems.append('%s is missing' % what)
        elif role(field) != pyatspi.ROLE_PASSWORD_TEXT:
            problems.append('%s is a %s' % (label(field), field.getRoleName()))
    TAP.ok(not problems, '%s: %s %s the password role' % (where, what, 'has' if len(fields) == 1 else 'have'),
           problems)
    if problems:
        return
    problems = []
    for field, secret in zip(fields, secrets):
        field.queryEditableText().setTextContents(secret)
        wait_for('%s to be typed' % label(field), lambda: field.queryText().characterCount == len(secret))
        if secret in text_content(field):
            problems.append(('the Text interface of %s gives back what was typed' % label(field),
                             SECRET_READABLE))
    report(problems, '%s: the Text interface keeps %s secret' % (where, what))


def profiles_page(window):
    page = wait_page(window, 'the profiles page',
                     lambda p: find(p, lambda n: role(n) in TEXT_ROLES and n.name == 'Your name'))
    dump(page, 'profiles page')
    check_names(page, 'profiles page')

    name_row = find(page, lambda n: role(n) in TEXT_ROLES and n.name == 'Your name')
    pin_row = find(page, lambda n: role(n) in TEXT_ROLES and (n.name or '').startswith('PIN'))
    TAP.ok(name_row is not None and 'EditableText' in interfaces(name_row)
           and has_state(name_row, pyatspi.STATE_EDITABLE),
           'profiles page: "Your name" is an editable text field')
    check_tab_order(window, page, 'profiles page')
    check_secret_fields([pin_row], ['4826'], 'profiles page', 'the PIN field')
    if pin_row is not None:
        pin_row.queryEditableText().setTextContents('')
        wait_for('the PIN to be cleared', lambda: pin_row.queryText().characterCount == 0)

    # Type the name through EditableText, press Add Profile through Action.
    name_row.queryEditableText().setTextContents('Alex Screenreader')
    wait_for('the name to be typed', lambda: text_content(name_row) == 'Alex Screenreader')
    click(page, 'Add Profile', 'profiles page')


def home_page(window, content):
    titles = set(content)

    def has_modules(p):
        return find(p, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM and n.name in titles)
    page = wait_page(window, 'the learning path with its modules', has_modules)
    dump(page, 'learning path')
    check_names(page, 'learning path')

    rows = find_all(page, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM
                    and has_state(n, pyatspi.STATE_FOCUSABLE))
    named = {r.name for r in rows}
    missing = sorted(titles - named)
    strays = sorted(n for n in named if n not in titles)
    TAP.ok(titles and not missing and not strays,
           'learning path: the module rows are named by the %d module titles' % len(titles),
           ['no row for %r' % t for t in missing] + ['a row named %r is not a module' % s for s in strays])
    undescribed = [r.name for r in rows if r.name in titles and not (r.description or '').strip()]
    TAP.ok(rows and not undescribed, 'learning path: each module row is described by its status',
           ['%r has no description' % n for n in undescribed])

    bar = find(page, lambda n: role(n) == pyatspi.ROLE_PROGRESS_BAR)
    problem = name_problem(bar) if bar is not None else 'there is no progress bar'
    TAP.ok(bar is not None and problem is None and 'modules passed' in bar.name,
           'learning path: the progress bar is labelled by the progress',
           [problem or 'its name is %r' % bar.name])

    check_tab_order(window, page, 'learning path')
    return page, [r for r in rows if r.name in titles]


def open_module(window, page, rows):
    """Opens the first module from the keyboard: Tab to its row, Return.
    (GTK 4.8 gives a list row no AT-SPI action, and cannot move the focus
    on an assistive technology's request.)"""
    row = rows[0]
    title = row.name
    reached = focus_with_tab(window, page, row)
    if reached:
        press_key(KEY_RETURN)
    elif do_action(row) is None:
        raise Bail('the module row %r can neither be reached by Tab nor activated' % title)
    TAP.ok(reached, 'learning path: Tab reaches the first module row, and Return opens it')
    return title


PAGE_POSITION = re.compile(r'^Page (\d+) of (\d+)$')


def lesson_page(window, title):
    def is_lesson(p):
        return (find(p, lambda n: role(n) == pyatspi.ROLE_LABEL and n.name == title)
                and find(p, lambda n: role(n) == pyatspi.ROLE_LABEL and PAGE_POSITION.match(n.name or '')))
    page = wait_page(window, 'the lesson of %r' % title, is_lesson)
    dump(page, 'lesson, first page')
    check_names(page, 'lesson, first page')
    for name in ('Previous', 'Next', 'Take the Quiz', 'Back to the Learning Path'):
        TAP.ok(button(page, name) is not None, 'lesson: a button is named %r' % name)
    check_tab_order(window, page, 'lesson, first page')

    # Page on with Next (through Action) to the key points.
    def position():
        node = find(page, lambda n: role(n) == pyatspi.ROLE_LABEL and (
            PAGE_POSITION.match(n.name or '') or n.name == 'Key points and sources'))
        return node.name if node is not None else None
    pages = 1
    while position() != 'Key points and sources':
        before = position()
        if pages > 40 or not do_action(button_like(page, 'Next')):
            raise Bail('lesson: Next does not lead to the key points (at %r)' % before)
        wait_for('the lesson page after %r' % before, lambda: position() not in (None, before))
        pages += 1
    dump(page, 'lesson, key points')
    check_names(page, 'lesson, key points and sources')
    TAP.ok(True, 'lesson: Next leads through %d pages to the key points and sources' % pages)
    click(page, 'Take the Quiz', 'lesson')


def choice_nodes(page):
    return find_all(page, lambda n: role(n) in (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX))


def quiz(window, content, module_title):
    scenarios = content.get(module_title, {})
    moments = 0
    before_problems, after_problems, role_problems, feedback_problems, state_problems = [], [], [], [], []
    first = True
    kinds = set()
    while True:
        page = wait_page(window, 'a quiz moment',
                         lambda p: choice_nodes(p) and button_like(p, 'Check Answer'))
        moments += 1
        if first:
            dump(page, 'quiz moment, before checking')
        count, problems = unnamed(page)
        before_problems += ['moment %d: %s' % (moments, p) for p in problems]

        # The scenario's title, on the page, finds it in the content.
        scenario = None
        for node, _ in walk(page):
            if role(node) == pyatspi.ROLE_LABEL and node.name in scenarios:
                scenario = scenarios[node.name]
                break
        choices = choice_nodes(page)
        if scenario is None:
            role_problems.append('moment %d: no scenario of %r is on the page' % (moments, module_title))
        else:
            kinds.add('check boxes' if scenario['multiple'] else 'radio buttons')
            wanted = pyatspi.ROLE_CHECK_BOX if scenario['multiple'] else pyatspi.ROLE_RADIO_BUTTON
            for c in choices:
                if role(c) != wanted:
                    role_problems.append('moment %d: the choice %r is a %s, not a %s' % (
                        moments, c.name, c.getRoleName(), 'check box' if scenario['multiple'] else 'radio button'))
                if ' '.join((c.name or '').split()) not in scenario['choices']:
                    role_problems.append('moment %d: a choice is named %r, not by its text' % (moments, c.name))
            if len(choices) != len(scenario['choices']):
                role_problems.append('moment %d: %d choices shown, the scenario has %d' % (
                    moments, len(choices), len(scenario['choices'])))

        if first:
            check_tab_order(window, page, 'quiz moment, before checking')

        # Choose the first response from the keyboard: Space on it. (GTK 4.8
        # gives a check button no AT-SPI action.)
        choice = choices[0]
        if not has_state(choice, pyatspi.STATE_FOCUSED):
            focus_with_tab(window, page, choice)
        press_key(KEY_SPACE)
        try:
            wait_for('the choice to be checked', lambda: has_state(choice, pyatspi.STATE_CHECKED), timeout=5)
        except Bail:
            raise Bail('moment %d: Space on the focused choice %r does not check it' % (moments, choice.name))

        click(page, 'Check Answer', 'quiz')
        after = wait_for('the feedback', lambda: button_like(page, 'Continue') or button_like(page, 'See Results'))
        if first:
            dump(page, 'quiz moment, after checking')
        count, problems = unnamed(page)
        after_problems += ['moment %d: %s' % (moments, p) for p in problems]
        description = after.description or ''
        if 'Feedback' not in description or ' point' not in description:
            feedback_problems.append('moment %d: %r is described as %r' % (moments, after.name, description))
        try:
            wait_for('the focus on %r' % after.name, lambda: has_state(after, pyatspi.STATE_FOCUSED), timeout=3)
        except Bail:
            feedback_problems.append('moment %d: the focus is not on %r' % (moments, after.name))
        for c in choice_nodes(page):
            if has_state(c, pyatspi.STATE_SENSITIVE) or has_state(c, pyatspi.STATE_ENABLED):
                state_problems.append('moment %d: the answered choice %r says it can still be changed'
                                      % (moments, c.name))
        if first:
            check_tab_order(window, page, 'quiz moment, after checking')
        first = False
        finished = 'See Results' in after.name
        do_action(after)
        if finished:
            break
        if moments > 40:
            raise Bail('the quiz did not end after 40 moments')
        wait_for('the next quiz moment', lambda: button_like(page, 'Check Answer'))

    TAP.ok(not before_problems,
           'quiz, before checking: every interactive node has a name (%d moments)' % moments, before_problems)
    TAP.ok(not role_problems,
           'quiz: the choices are radio buttons (check boxes to select all), named by their text',
           role_problems + ['seen: %s' % ', '.join(sorted(kinds))])
    TAP.ok(True, 'quiz: Space checks the focused choice')
    TAP.ok(not after_problems,
           'quiz, after checking: every interactive node has a name (%d moments)' % moments, after_problems)
    TAP.ok(not feedback_problems,
           'quiz, after checking: the focus is on Continue, which the feedback describes', feedback_problems)
    TAP.ok(not state_problems,
           'quiz, after checking: the answered choices say they are disabled', state_problems)
    return moments


def results_page(window, content, module_title):
    scenario_titles = set(content.get(module_title, {}))
    page = wait_page(window, 'the results page',
                     lambda p: button_like(p, 'Back to the Learning Path')
                     and find(p, lambda n: role(n) == pyatspi.ROLE_LABEL and n.name in ('Passed', 'Not Passed Yet')))
    dump(page, 'results page')
    check_names(page, 'results page')

    rows = find_all(page, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM and has_state(n, pyatspi.STATE_FOCUSABLE))
    strays = [r.name for r in rows if r.name not in scenario_titles]
    TAP.ok(rows and not strays, 'results page: the review rows are named by the scenario titles',
           ['a focusable row is named %r' % n for n in strays] if rows else ['there are no review rows'])

    focus = focused(window, page)
    description = (focus.description or '') if focus is not None else ''
    TAP.ok(focus is not None and role(focus) == pyatspi.ROLE_PUSH_BUTTON and 'You scored' in description,
           'results page: the focus is on a button that the result describes',
           ['the focus is on %s, described as %r' % (label(focus) if focus else 'nothing', description)])

    check_tab_order(window, page, 'results page')

    # Open the first review from the keyboard: Tab to its header, Return.
    problems = []
    review = next((r for r in rows if role(r.parent) == pyatspi.ROLE_LIST
                   and r.parent.name == 'Your Answers'), None)
    header = next((r for r in rows if review is not None and r.name == review.name
                   and key(r) != key(review)), None)
    if review is None or header is None:
        problems.append('no review row with a header was found')
    else:
        if not has_state(review, pyatspi.STATE_EXPANDABLE) or has_state(review, pyatspi.STATE_EXPANDED):
            problems.append('before it is opened, %s does not say it is collapsed' % label(review))
        reached, found = open_with_return(
            window, page, review, header, 'the feedback in %s does not show',
            lambda n: role(n) == pyatspi.ROLE_LABEL and n.name.startswith('Your answer'))
        problems += found
        if reached:
            problems += unnamed(page)[1]
    TAP.ok(not problems, 'results page: Return opens a review row, which says it is expanded, '
           'and what shows is named', problems)

    click(page, 'Back to the Learning Path', 'results page')


def profiles_again(window):
    """Switch Profile leads back to the profiles page, which now lists the
    profile made at the start."""
    home = current_page(window)
    click(home, 'Switch Profile', 'learning path')
    page = wait_page(window, 'the profiles page with its profile',
                     lambda p: find(p, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM
                                    and n.name == 'Alex Screenreader'))
    dump(page, 'profiles page with a profile')
    check_names(page, 'profiles page with a profile')
    check_tab_order(window, page, 'profiles page with a profile')


# ------------------------------------------- windows that come and go

def survives_walk(app, where):
    """Asks the application for every window, from the first to past the
    last, and every window for each of its children likewise, as any
    AT-SPI client may; then checks that the application is still running
    and still answers. (GTK 4.8 listed a shortcuts window made ahead and
    never shown, which has no object path, and crashed on it.)"""
    problems = []
    try:
        count = app.node.childCount
    except Exception as e:
        count = 0
        problems.append('the application does not say how many windows it has: %s' % e)
    asked = 0
    for i in range(count + 3):
        try:
            window = app.node.getChildAtIndex(i)
            n = window.childCount if window is not None else 0
        except Exception:  # past the end, an error is a fair answer
            continue
        for j in range(n + 3):
            try:
                window.getChildAtIndex(j)
                asked += 1
            except Exception:
                pass
    time.sleep(0.2)
    if app.process.poll() is not None:
        problems.append('the application exited with status %s' % app.process.returncode)
    else:
        try:
            if not app.node.childCount or role(app.node.getChildAtIndex(0)) != pyatspi.ROLE_FRAME:
                problems.append('the application no longer lists its window')
        except Exception as e:
            problems.append('the application no longer answers: %s' % e)
    TAP.ok(not problems, '%s: asked for window 0 to %d (past the last) and their children, the '
           'application is still up and answers' % (where, count + 2),
           problems + (['application output:', app.output()] if problems else []))
    if problems:
        raise Bail('%s: the application did not survive being asked for its windows' % where)


def press_control(keysym):
    pyatspi.Registry.generateKeyboardEvent(CONTROL_KEYCODE, None, pyatspi.KEY_PRESS)
    try:
        press_key(keysym)
    finally:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_KEYCODE, None, pyatspi.KEY_RELEASE)


def shortcuts_window(app, where, open_it):
    """The Keyboard Shortcuts window: made when asked for, named, and gone
    once Escape closes it, the application up all along."""
    survives_walk(app, '%s, before the shortcuts window' % where)
    open_it()
    dialog = wait_for('the Keyboard Shortcuts window', lambda: other_window(app))
    problem = name_problem(dialog)
    TAP.ok(dialog.name == 'Keyboard Shortcuts', '%s: the shortcuts window opens, named "Keyboard Shortcuts"'
           % where, [problem or 'it is named %r' % dialog.name])
    survives_walk(app, '%s, with the shortcuts window open' % where)
    press_key(KEY_ESCAPE)
    wait_for('the Keyboard Shortcuts window to close', lambda: other_window(app) is None)
    survives_walk(app, '%s, the shortcuts window closed' % where)


def shortcuts_from_menu(app, page):
    def choose():
        menu_button = find(page, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON and n.name == 'Main Menu'
                           and has_state(n, pyatspi.STATE_FOCUSABLE))
        if menu_button is None or do_action(menu_button) is None:
            raise Bail('learning path: no "Main Menu" to open')
        item = wait_for('the item "Keyboard Shortcuts"', lambda: find(
            page, lambda n: role(n) == pyatspi.ROLE_MENU_ITEM and n.name == 'Keyboard Shortcuts'
            and on_show(n)), timeout=5)
        do_action(item)
    shortcuts_window(app, 'learning path, from the main menu', choose)


# ------------------------------------------------------ supervisor mode

SUPERVISOR = 'Dana Whitfield'
PASSPHRASE = 'kind words open doors'


def other_window(app):
    """A window of the application besides the main one (a dialog)."""
    for node in children(app.node):
        if (role(node) in (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW)
                and node.name != 'Threshold' and not has_state(node, pyatspi.STATE_DEFUNCT)):
            return node
    return None


def open_with_return(window, page, row, header, missing, shows):
    """Tab to the @header of an expander @row and press Return: the row
    must say it opened, and a node for which @shows is true must appear in
    it (@missing says so when none does). Returns whether Tab reached the
    header, and the problems."""
    if not focus_with_tab(window, page, header):
        return False, ['Tab does not reach %s' % label(header)]
    problems = []
    press_key(KEY_RETURN)
    try:
        wait_for('%s to open' % label(row), lambda: has_state(row, pyatspi.STATE_EXPANDED), timeout=5)
    except Bail:
        problems.append('Return on %s does not say it opened' % label(header))
    try:
        wait_for('what %s holds' % label(row), lambda: find(row, lambda n: shows(n) and on_show(n)), timeout=5)
    except Bail:
        problems.append(missing % label(row))
    return True, problems


def check_menu(window, page, name, items, where):
    """Opens the menu button @name with its action and checks that the
    menu and its items are named; Escape closes it again."""
    problems = []
    menu_button = find(page, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON and n.name == name
                       and has_state(n, pyatspi.STATE_FOCUSABLE))
    if menu_button is None or do_action(menu_button) is None:
        TAP.ok(False, '%s: the menu %r opens and its items are named' % (where, name),
               ['no menu button named %r that can be pressed' % name])
        return
    try:
        menu = wait_for('the menu %r' % name, lambda: find(
            page, lambda n: role(n) == pyatspi.ROLE_MENU and on_show(n)), timeout=5)
    except Bail:
        TAP.ok(False, '%s: the menu %r opens and its items are named' % (where, name), ['it did not open'])
        return
    dump(menu, 'menu %r' % name)
    problem = name_problem(menu)
    if problem:
        problems.append('the menu itself: %s' % problem)
    problems += unnamed(menu)[1]
    named = [n.name for n in find_all(menu, lambda n: role(n) == pyatspi.ROLE_MENU_ITEM)]
    problems += ['no item %r' % item for item in items if item not in named]
    TAP.ok(not problems, '%s: the menu %r opens and its items are named (%s)' % (where, name, ', '.join(named)),
           problems)
    press_key(KEY_ESCAPE)
    wait_for('the menu %r to close' % name, lambda: not on_show(menu), timeout=5)


def unlock_dialog(app, window):
    """Supervisor Mode, the first time: the dialog that sets up the
    passphrase, filled in through EditableText and sent with Return."""
    page = current_page(window)
    click(page, 'Supervisor Mode', 'profiles page')
    dialog = wait_for('the unlock dialog', lambda: other_window(app))
    wait_for('the unlock dialog to be filled', lambda: button(dialog, 'Set Up'))
    survives_walk(app, 'unlock dialog, open')
    dump(dialog, 'unlock dialog')
    TAP.ok(dialog.name == 'Set Up Supervisor Mode', 'unlock dialog: its window is named by what it does',
           ['it is named %r' % dialog.name])
    check_names(dialog, 'unlock dialog')
    check_tab_order(dialog, dialog, 'unlock dialog')

    name_field = find(dialog, lambda n: role(n) in TEXT_ROLES and n.name == 'Your name')
    fields = [find(dialog, lambda n, t=title: role(n) in TEXT_ROLES and n.name == t)
              for title in ('Passphrase', 'Passphrase again')]
    if name_field is None or 'EditableText' not in interfaces(name_field):
        raise Bail('unlock dialog: no editable field named "Your name"')
    name_field.queryEditableText().setTextContents(SUPERVISOR)
    check_secret_fields(fields, [PASSPHRASE, PASSPHRASE], 'unlock dialog', 'the passphrase fields')
    if None in fields:
        raise Bail('unlock dialog: the passphrase fields are missing')

    # Return in the last field sets it up, as a keyboard user would finish.
    reached = focus_with_tab(dialog, dialog, fields[1])
    if reached:
        press_key(KEY_RETURN)
    else:
        click(dialog, 'Set Up', 'unlock dialog')
    wait_for('the unlock dialog to close', lambda: other_window(app) is None)
    TAP.ok(reached, 'unlock dialog: Tab reaches "Passphrase again", and Return there sets up supervisor mode')
    survives_walk(app, 'unlock dialog, closed')


def refresher_periods(app, window, page):
    """The Refresher Periods window, from the supervisor menu: a named
    window, a named field for every module and for all of them, and a named
    button to give a module back the organisation's period."""
    menu_button = find(page, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON and n.name == 'Supervisor Actions'
                       and has_state(n, pyatspi.STATE_FOCUSABLE))
    if menu_button is None or do_action(menu_button) is None:
        raise Bail('supervisor matrix: no "Supervisor Actions" menu to open')
    item = wait_for('the item "Refresher Periods…"', lambda: find(
        page, lambda n: role(n) == pyatspi.ROLE_MENU_ITEM and n.name == 'Refresher Periods…' and on_show(n)),
        timeout=5)
    do_action(item)
    dialog = wait_for('the Refresher Periods window', lambda: other_window(app))
    dump(dialog, 'refresher periods')
    check_names(dialog, 'refresher periods')
    spins = find_all(dialog, lambda n: role(n) == pyatspi.ROLE_SPIN_BUTTON)
    follow = find_all(dialog, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON
                      and (n.name or '').startswith('Use the period for every module for “'))
    problems = []
    if dialog.name != 'Refresher Periods':
        problems.append('the window is named %r' % dialog.name)
    if len(spins) != N_MODULES + 1:
        problems.append('%d period fields for %d modules and the organisation' % (len(spins), N_MODULES))
    problems += ['a period field is %s' % label(n) for n in spins if name_problem(n)]
    if len(follow) != N_MODULES:
        problems.append('%d buttons that give a module the organisation\'s period, for %d modules'
                        % (len(follow), N_MODULES))
    TAP.ok(not problems, 'refresher periods: the window, every period field and every "use the period for '
           'every module" button are named', problems)
    press_key(KEY_ESCAPE)
    wait_for('the Refresher Periods window to close', lambda: other_window(app) is None)


def organisation_records(app, window, page):
    """The Organisation Records window, from the supervisor menu: a named
    window; named fields for the home page and the Learning Record Store,
    the secret a password field that keeps what is typed; named buttons;
    Tab through all of it; and the outcome of a button given to it as its
    description, for a screen reader to say."""
    menu_button = find(page, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON and n.name == 'Supervisor Actions'
                       and has_state(n, pyatspi.STATE_FOCUSABLE))
    if menu_button is None or do_action(menu_button) is None:
        raise Bail('supervisor matrix: no "Supervisor Actions" menu to open')
    item = wait_for('the item "Organisation Records…"', lambda: find(
        page, lambda n: role(n) == pyatspi.ROLE_MENU_ITEM and n.name == 'Organisation Records…' and on_show(n)),
        timeout=5)
    do_action(item)
    dialog = wait_for('the Organisation Records window', lambda: other_window(app))
    wait_for('the records in it', lambda: button(dialog, 'Send and Fetch Now'))
    dump(dialog, 'organisation records')
    check_names(dialog, 'organisation records')
    problems = []
    if dialog.name != 'Organisation Records':
        problems.append('the window is named %r' % dialog.name)
    for title in ('Home page', 'Address', 'Key'):
        field = find(dialog, lambda n, t=title: role(n) in TEXT_ROLES and n.name == t)
        if field is None or 'EditableText' not in interfaces(field):
            problems.append('there is no editable field named %r' % title)
    problems += ['there is no button named %r' % name for name in ('Test Connection', 'Send and Fetch Now')
                 if button(dialog, name) is None]
    TAP.ok(not problems, 'organisation records: the window, its fields and its buttons are named', problems)
    secret = find(dialog, lambda n: role(n) in TEXT_ROLES and n.name == 'Secret')
    check_secret_fields([secret], ['not a real secret'], 'organisation records', 'the secret field')
    check_tab_order(dialog, dialog, 'organisation records')

    # Nothing set up yet: the button says so, in its description.
    send = click(dialog, 'Send and Fetch Now', 'organisation records')
    try:
        wait_for('the outcome', lambda: 'No Learning Record Store is set up yet' in (send.description or ''),
                 timeout=5)
        described = True
    except Bail:
        described = False
    TAP.ok(described, 'organisation records: "Send and Fetch Now" is described by its outcome',
           ['it is described as %r' % send.description])
    press_key(KEY_ESCAPE)
    wait_for('the Organisation Records window to close', lambda: other_window(app) is None)


def is_matrix(node):
    return role(node) in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE) and node.name == 'Completion of every learner'


def learner_rows(page):
    return find_all(page, lambda n: role(n) == pyatspi.ROLE_TABLE_ROW and has_state(n, pyatspi.STATE_FOCUSABLE))


MATRIX_CELL = re.compile(r'^(Principle \d+|Theme \d+|.+): (Passed, \d+%|Due soon, \d+%|Not passed yet, \d+%|Overdue|In progress|Not started)$')
N_MODULES = len(load_content())


def matrix_page(app, window, learner):
    page = wait_page(window, 'the completion matrix with %r' % learner,
                     lambda p: find(p, is_matrix) and find(p, lambda n: role(n) == pyatspi.ROLE_TABLE_ROW
                                                           and n.name == learner))
    dump(page, 'supervisor matrix')
    check_names(page, 'supervisor matrix')

    problems = []
    search = find(page, lambda n: role(n) in TEXT_ROLES and n.name == 'Find a learner by name')
    combo = find(page, lambda n: role(n) == pyatspi.ROLE_COMBO_BOX)
    shown = find(combo, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON
                 and has_state(n, pyatspi.STATE_FOCUSABLE)) if combo is not None else None
    if search is None or 'EditableText' not in interfaces(search):
        problems.append('there is no editable field named "Find a learner by name"')
    if combo is None or combo.name != 'Show':
        problems.append('the filter is %s, not a combo box named "Show"' % (label(combo) if combo else 'missing'))
    elif shown is None or shown.name != 'Show' or shown.description != 'Everyone':
        problems.append('the button of the filter is %s, described as %r, not "Show", described by what '
                        'it shows' % (label(shown) if shown else 'missing', shown.description if shown else None))
    TAP.ok(not problems, 'supervisor matrix: the search is an editable field, the filter a combo box '
           'that says what it shows', problems)

    problems = []
    matrix = find(page, is_matrix)
    header = find(matrix, lambda n: role(n) == pyatspi.ROLE_TABLE_ROW and not has_state(n, pyatspi.STATE_FOCUSABLE))
    titles = children(header) if header is not None else []
    if header is None or not titles:
        problems.append('there is no row of column titles that keeps out of the Tab order')
    problems += ['a column title is %s' % label(t) for t in titles if name_problem(t)]
    rows = learner_rows(page)
    if [r.name for r in rows] != [learner]:
        problems.append('the learner rows are %s, not one named %r' % ([r.name for r in rows], learner))
    for row in rows:
        if not (row.description or '').strip():
            problems.append('%s has no description (their onboarding)' % label(row))
        strips = find_all(row, lambda n: role(n) == pyatspi.ROLE_IMAGE)
        if len(strips) != 1:
            problems.append('%s has %d module strips, not one' % (label(row), len(strips)))
            continue
        cells = (strips[0].name or '').split('; ')
        if len(cells) != N_MODULES:
            problems.append('%s has %d modules in words for %d modules' % (label(row), len(cells), N_MODULES))
        problems += ['a module says %r, not its name and status in words' % c
                     for c in cells if not MATRIX_CELL.match(c)]
    TAP.ok(not problems, 'supervisor matrix: the column titles are named, the learner rows by the '
           'learner and their onboarding, and every module of a row in words', problems)

    check_tab_order(window, page, 'supervisor matrix')
    problems = ['Tab does not reach %s' % label(n) for n in (search, shown)
                if n is not None and not focus_with_tab(window, page, n)]
    TAP.ok(search is not None and shown is not None and not problems,
           'supervisor matrix: Tab reaches the search and the filter', problems)

    # The search narrows the rows, and the count says how many are left;
    # when nobody is left, a page says so in place of the rows.
    search.queryEditableText().setTextContents('nobody of that name')
    try:
        wait_for('the matrix to say nobody matches', lambda: not learner_rows(page) and find(
            page, lambda n: role(n) == pyatspi.ROLE_LABEL and n.name == '0 learners') and find(
            page, lambda n: n.name == 'No Learners to Show'), timeout=5)
        searched = True
    except Bail:
        searched = False
    search.queryEditableText().setTextContents('')
    wait_for('the learner to show again', lambda: [r.name for r in learner_rows(page)] == [learner])
    TAP.ok(searched, 'supervisor matrix: a search with no match says "No Learners to Show" in place of '
           'the rows, and the count says "0 learners"')

    check_menu(window, page, 'Supervisor Actions',
               ['Add a Supervisor…', 'Refresher Periods…', 'Organisation Records…', 'Lock'], 'supervisor matrix')
    refresher_periods(app, window, page)
    organisation_records(app, window, page)
    insights_page(app, window)

    # Open the learner's records from the keyboard: Tab to the row, Return.
    row = learner_rows(page)[0]
    reached = focus_with_tab(window, page, row)
    if reached:
        press_key(KEY_RETURN)
    try:
        wait_page(window, 'the records of %r' % learner,
                  lambda p: button_like(p, 'Save Transcript') and find(
                      p, lambda n: role(n) == pyatspi.ROLE_LABEL and n.name == learner))
        opened = True
    except Bail:
        opened = False
    TAP.ok(reached and opened, "supervisor matrix: Tab reaches the learner's row, and Return opens their records")
    if not opened:
        raise Bail('the records of %r did not open' % learner)


CHART_NAMES = ('Principles: ', 'Themes: ')
TAG_FIGURES = re.compile(r'^[^:;]+: \d+ choices? honours? it, \d+ works? against it')


def charts(page):
    return find_all(page, lambda n: role(n) == pyatspi.ROLE_IMAGE and (n.name or '').startswith(CHART_NAMES))


def check_charts(page, where, count):
    """Every chart on @page is named, and described by its figures in
    words: one "Title: 12 choices honour it, 3 work against it" for each
    principle or theme it draws."""
    found = charts(page)
    problems = []
    if len(found) != count:
        problems.append('%d charts named "Principles: …" or "Themes: …", not %d' % (len(found), count))
    for chart, expected in zip(found, (6, 8)):
        problem = name_problem(chart)
        if problem:
            problems.append('%s: %s' % (label(chart), problem))
        parts = [p for p in (chart.description or '').rstrip('.').split('; ') if p]
        figures = [p for p in parts if TAG_FIGURES.match(p)]
        if len(parts) != expected or len(figures) != expected:
            problems.append('%s is described as %r, not by the figures of its %d principles or themes'
                            % (label(chart), chart.description, expected))
    TAP.ok(not problems, '%s: the %d charts are named and described by their figures in words' % (where, count),
           problems)
    return found


def insights_page(app, window):
    """Team Insights, from the completion matrix: named controls, the
    charts named and described, the numbers on demand, a moment opened
    with Return, Tab through all of it, and back."""
    matrix = current_page(window)
    click(matrix, 'Team Insights', 'supervisor matrix')
    page = wait_page(window, 'the team insights with their charts',
                     lambda p: button_like(p, 'Save Huddle Sheet') and len(charts(p)) == 2)
    dump(page, 'team insights')
    check_names(page, 'team insights')
    check_charts(page, 'team insights', 2)

    problems = []
    combo = find(page, lambda n: role(n) == pyatspi.ROLE_COMBO_BOX)
    if combo is None or combo.name != 'Period':
        problems.append('the period is %s, not a combo box named "Period"' % (label(combo) if combo else 'missing'))
    switch = find(page, lambda n: n.name == 'Include archived learners' and is_interactive(n))
    if switch is None:
        problems.append('there is no control named "Include archived learners"')
    for name in ('Back to Everyone', 'Save Huddle Sheet…', 'Insights Actions', 'Show Numbers'):
        if button(page, name) is None:
            problems.append('there is no button named %r' % name)
    TAP.ok(not problems, 'team insights: the period, the archived switch and the buttons are named', problems)
    check_tab_order(window, page, 'team insights')

    # The numbers on demand: a named row for each principle and theme.
    click(page, 'Show Numbers', 'team insights')
    try:
        wait_for('the numbers', lambda: find(page, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM
                                             and n.name == 'Humanism' and on_show(n)), timeout=5)
        shown = True
    except Bail:
        shown = False
    rows = find_all(page, lambda n: role(n) == pyatspi.ROLE_LIST
                    and (n.name or '').endswith('in numbers'))
    TAP.ok(shown and len(rows) == 2 and not unnamed(page)[1],
           'team insights: "Show Numbers" shows the figures in two named lists, every row named',
           unnamed(page)[1] + ([] if shown else ['no row "Humanism" showed']))
    click(page, 'Show Numbers', 'team insights')

    # Open the first moment from the keyboard, once the tree has settled
    # after the numbers went back to charts.
    def moment_and_header():
        moments = find(page, lambda n: role(n) == pyatspi.ROLE_LIST
                       and n.name == 'Moments the Team Most Often Gets Wrong')
        items = find_all(moments, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM
                         and has_state(n, pyatspi.STATE_FOCUSABLE)) if moments is not None else []
        moment = next((r for r in items if key(r.parent) == key(moments)), None)
        header = next((r for r in items if moment is not None and r.name == moment.name
                       and key(r) != key(moment)), None)
        return (moment, header) if header is not None else None

    problems = []
    try:
        moment, header = wait_for('a moment row with a header', moment_and_header, timeout=5)
    except Bail:
        moment = header = None
    if moment is None or header is None:
        problems.append('there is no moment row with a header in the list "Moments the Team Most Often Gets Wrong"')
    else:
        if 'weaker choice' not in (moment.description or ''):
            problems.append('%s is described as %r' % (label(moment), moment.description))
        reached, found = open_with_return(
            window, page, moment, header, 'the feedback in %s does not show',
            lambda n: role(n) == pyatspi.ROLE_LABEL and n.name == 'Its feedback')
        problems += found
        if reached:
            problems += unnamed(page)[1]
    TAP.ok(not problems, 'team insights: Return opens a moment, which says it is expanded and shows '
           'its feedback', problems)

    check_menu(window, page, 'Insights Actions', ['Save Huddle Sheet…', 'Save as CSV…'], 'team insights')
    click(page, 'Back to Everyone', 'team insights')
    wait_page(window, 'the completion matrix again', lambda p: find(p, is_matrix))
    TAP.ok(True, 'team insights: "Back to Everyone" returns to the completion matrix')


def learner_detail(window, learner, module_title):
    page = wait_page(window, 'the records of %r' % learner,
                     lambda p: button_like(p, 'Save Transcript') and find(
                         p, lambda n: role(n) == pyatspi.ROLE_LABEL and n.name == learner)
                     and len(charts(p)) == 2)
    dump(page, 'learner detail')
    check_names(page, 'learner detail')
    check_charts(page, 'learner detail, strengths', 2)
    names = ('Back to Everyone', 'Profile Actions', 'Sign Off Onboarding…', 'Save Transcript…', 'Archive Profile')
    missing = [n for n in names if button(page, n) is None]
    TAP.ok(not missing, 'learner detail: its buttons are named %s' % ', '.join(repr(n) for n in names),
           ['no button named %r' % n for n in missing])
    account = find(page, lambda n: role(n) in TEXT_ROLES and n.name == 'Organisation account')
    TAP.ok(account is not None and 'EditableText' in interfaces(account),
           'learner detail: "Organisation account" is an editable text field')

    sign_off = button(page, 'Sign Off Onboarding…')
    description = (sign_off.description or '') if sign_off is not None else ''
    TAP.ok(sign_off is not None and not has_state(sign_off, pyatspi.STATE_SENSITIVE)
           and 'required module' in description,
           'learner detail: "Sign Off Onboarding…" is disabled, and describes what is still missing',
           ['%s is described as %r' % (label(sign_off) if sign_off else 'no button', description)])

    problems = []
    attempts = find(page, lambda n: role(n) == pyatspi.ROLE_LIST and n.name == 'Attempts')
    rows = find_all(page, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM and has_state(n, pyatspi.STATE_FOCUSABLE))
    attempt = next((r for r in rows if attempts is not None and key(r.parent) == key(attempts)), None)
    header = next((r for r in rows if attempt is not None and r.name == attempt.name
                   and key(r) != key(attempt)), None)
    if attempt is None or header is None:
        problems.append('there is no attempt row with a header in the list "Attempts"')
    else:
        if attempt.name != module_title:
            problems.append('the attempt row is named %r, not by its module %r' % (attempt.name, module_title))
        if ' point' not in (attempt.description or ''):
            problems.append('%s is described as %r, without its score' % (label(attempt), attempt.description))
        if not has_state(attempt, pyatspi.STATE_EXPANDABLE) or has_state(attempt, pyatspi.STATE_EXPANDED):
            problems.append('before it is opened, %s does not say it is collapsed' % label(attempt))
    TAP.ok(not problems, 'learner detail: the attempt row is named by its module, described by its score, '
           'and says it is collapsed', problems)

    check_tab_order(window, page, 'learner detail')

    problems = []
    if attempt is not None and header is not None:
        reached, found = open_with_return(
            window, page, attempt, header, 'the answers in %s do not show',
            lambda n: role(n) == pyatspi.ROLE_LABEL and ' point' in (n.name or ''))
        problems += found
        if reached:
            problems += unnamed(page)[1]
    TAP.ok(not problems, 'learner detail: Return opens the attempt, which says it is expanded, and what '
           'shows is named', problems)

    check_menu(window, page, 'Profile Actions', ['Rename…', 'Delete Records…'], 'learner detail')
    click(page, 'Back to Everyone', 'learner detail')


def supervisor_mode(app, window, learner, module_title):
    unlock_dialog(app, window)
    matrix_page(app, window, learner)
    learner_detail(window, learner, module_title)
    page = wait_page(window, 'the completion matrix again', lambda p: find(p, is_matrix))
    TAP.ok(True, 'learner detail: "Back to Everyone" returns to the completion matrix')
    click(page, 'Lock Supervisor Mode', 'supervisor matrix')
    wait_page(window, 'the profiles page, locked',
              lambda p: find(p, lambda n: role(n) in TEXT_ROLES and n.name == 'Your name'))
    TAP.ok(True, 'supervisor matrix: "Lock Supervisor Mode" locks it and returns to the profiles page')


def main():
    global CONTROL_KEYCODE
    binary = os.environ.get('THRESHOLD_BIN')
    if not binary or not os.access(binary, os.X_OK):
        print('1..0 # SKIP set THRESHOLD_BIN to the threshold program')
        return 0
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('1..0 # SKIP no display: run under xvfb-run')
        return 0

    # Xvfb resets itself whenever its last client leaves, and a client that
    # connects during the reset is turned away. The AT-SPI bus launcher is a
    # short-lived client: hold a connection for the length of the run.
    x11 = None
    try:
        libx11 = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
        libx11.XOpenDisplay.restype = ctypes.c_void_p
        libx11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11 = libx11.XOpenDisplay(None)
        if x11:
            libx11.XKeysymToKeycode.restype = ctypes.c_ubyte
            libx11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
            CONTROL_KEYCODE = libx11.XKeysymToKeycode(x11, 0xffe3) or CONTROL_KEYCODE
    except OSError:
        pass

    content = load_content()
    workdir = tempfile.mkdtemp(prefix='threshold-a11y-')
    app = App(binary, os.path.join(workdir, 'threshold.db'))
    try:
        app.start()
        TAP.ok(True, 'the application is on the AT-SPI desktop as %r' % app.node.name)
        window = app.window()
        TAP.ok(True, 'its window "Threshold" is in the accessible tree')

        shortcuts_window(app, 'profiles page, Ctrl+?', lambda: press_control(KEY_QUESTION))
        profiles_page(window)
        page, rows = home_page(window, content)
        shortcuts_from_menu(app, page)
        title = open_module(window, page, rows)
        lesson_page(window, title)
        quiz(window, content, title)
        results_page(window, content, title)
        wait_page(window, 'the learning path again',
                  lambda p: find(p, lambda n: role(n) == pyatspi.ROLE_LIST_ITEM and n.name == title))
        TAP.ok(True, 'results page: "Back to the Learning Path" returns to the learning path')
        profiles_again(window)
        supervisor_mode(app, window, 'Alex Screenreader', title)
    except Bail as e:
        TAP.ok(False, 'the run got through every page', [str(e), 'application output:', app.output()])
    except Exception:
        TAP.ok(False, 'the run got through every page', [traceback.format_exc(), 'application output:',
                                                          app.output()])
    finally:
        app.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        if x11:
            libx11.XCloseDisplay.argtypes = [ctypes.c_void_p]
            libx11.XCloseDisplay(x11)

    return TAP.finish()


if __name__ == '__main__':
    sys.exit(main())
