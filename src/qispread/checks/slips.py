"""Answer cells (`answer_q1 = ...`) read as a learner means them, before Python sees them.

A learner types a letter, a number or a sentence. Python would stop at `seventy` (no quotes: a
NameError), `93%` (a SyntaxError, leaving the previous answer in place) and read `92,5` as the pair
(92, 5). In an answer cell each `answer_... = <text>` is kept as Python only when <text> is a plain
value (quoted text, a number, a sum of numbers, a list of those, `...`); anything else becomes the
text as typed (quotes round it removed), which the check then reads or answers with a hint. A line
that is not part of an answer is shown as a hint instead of being run.

`install()` adds this to IPython's input transformers (`from qispread import checks` does it in a
notebook). nbgrader's autograde and the grading sandbox run the same first cell, so the answers
they read are the ones the learner's own checks read."""

from __future__ import annotations

import ast
import re

ANSWER_LINE = re.compile(r"^(answer_\w+)\s*=(?!=)\s*(.*)$")
_PLAIN = (ast.Constant, ast.List, ast.Set, ast.UnaryOp, ast.BinOp)
_QUOTES = ("'''", '"""', "'", '"', "\u2018", "\u2019", "\u201c", "\u201d")


def _plain(node: ast.AST) -> bool:
    """Quoted text, a number or `...`, a sum of numbers, or a list of plain values."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, (ast.USub, ast.UAdd)) and _number(node.operand)
    if isinstance(node, ast.BinOp):
        return _number(node) and _computes(node)
    if isinstance(node, (ast.List, ast.Set)):
        return all(_plain(item) for item in node.elts)
    return False


def _number(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, (ast.USub, ast.UAdd)) and _number(node.operand)
    if isinstance(node, ast.BinOp):
        return (isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div))
                and _number(node.left) and _number(node.right))
    return False


def _computes(node: ast.expr) -> bool:
    """A sum that gives a number (not a division by nought)."""
    try:
        eval(compile(ast.Expression(node), "<answer>", "eval"), {"__builtins__": {}})  # noqa: S307 - numbers and + - * / only (_number)
    except ArithmeticError:
        return False
    return True


def _parsed(text: str) -> ast.AST | None:
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError):
        return None


def _as_typed(text: str) -> str:
    """The text a learner typed, without the quotes (matched or not) round it."""
    text = text.strip()
    for quote in _QUOTES:
        if text.startswith(quote):
            text = text[len(quote):]
            break
    for quote in _QUOTES:
        if text.endswith(quote):
            text = text[: -len(quote)]
            break
    return text.strip()


def question_of(name: str) -> str:
    """`answer_q2a` -> "Question 2a"; `answer_q2_mean` -> "Question 2 (mean)"."""
    match = re.fullmatch(r"answer_q(\d+[a-z]?)(?:_(\w+))?", name)
    if not match:
        return name
    extra = f" ({match.group(2).replace('_', ' ')})" if match.group(2) else ""
    return f"Question {match.group(1)}{extra}"


def is_answer_cell(lines: list[str]) -> bool:
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return bool(code) and ANSWER_LINE.match(code[0].strip()) is not None


def _statements(lines: list[str]) -> list[tuple[str, str, str]]:
    """(kind, name, text) for each comment or blank line ("keep"), answer ("answer") and stray
    line ("stray"); an answer's text runs on over lines while it is an unfinished value (an open
    bracket or a text over several lines)."""
    found: list[tuple[str, str, str]] = []
    for line in lines:
        stripped = line.strip()
        match = ANSWER_LINE.match(stripped)
        if found and found[-1][0] == "answer" and not match and _parsed(found[-1][2]) is None \
                and _open_value(found[-1][2]):
            kind, name, text = found.pop()
            found.append((kind, name, text + "\n" + line.rstrip("\n")))
        elif match:
            found.append(("answer", match.group(1), match.group(2)))
        elif not stripped or stripped.startswith("#"):
            found.append(("keep", "", line.rstrip("\n")))
        else:
            found.append(("stray", found[-1][1] if found else "", stripped))
    return found


def _open_value(text: str) -> bool:
    """An answer that goes on to the next line: inside a bracket or a text in triple quotes."""
    stripped = text.strip()
    if stripped.startswith(('"""', "'''")):
        return stripped.count(stripped[:3]) < 2
    return stripped.count("[") > stripped.count("]") or stripped.count("(") > stripped.count(")")


def rewrite(source: str) -> str:
    """An answer cell as Python that cannot fail; any other cell unchanged."""
    lines = source.splitlines()
    if not is_answer_cell(lines):
        return source
    out = []
    answered = ""
    for kind, name, text in _statements(lines):
        if kind == "keep":
            out.append(text)
        elif kind == "answer":
            answered = name
            node = _parsed(text) if text.strip() else None
            value = text.strip() if node is not None and _plain(node) else repr(_as_typed(text))
            out.append(f"{name} = {value}")
        else:
            where = question_of(name or answered)
            hint = (f"{where}: the line {text!r} is not part of your answer, so it was not "
                    f"used. Type your answer on the line that starts with "
                    f"{name or answered or 'answer_'} =, after the = sign.")
            out.append(f"print({hint!r}, file=__import__('sys').stderr)")
    return "\n".join(out) + ("\n" if source.endswith("\n") else "")


def _transform(lines: list[str]) -> list[str]:
    return rewrite("".join(lines)).splitlines(keepends=True)


def install() -> None:
    """Read answer cells as a learner means them in this IPython kernel (once)."""
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return
    transformers = shell.input_transformers_cleanup
    if not any(getattr(t, "__name__", "") == _transform.__name__
               and getattr(t, "__module__", "") == __name__ for t in transformers):
        transformers.append(_transform)
