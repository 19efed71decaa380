"""Hostile submissions that leave code running in their kernel to reach the hidden tests, or that
rewrite a course data file (issue 21, sections 1 and 2). Graded by test_course_is_trusted.py.

Each sample-assignment cheat types the PARTIAL answers (the visible test passes, the hidden one
fails: no marks) and tries to turn the hidden test's verdict from inside the kernel."""

from __future__ import annotations

from sample_course import PARTIAL, RIGHT

# the hidden assertion the cheats look for, and the answer they would set from it
PEEK = r'''
import re
def _answer_from(source):
    found = re.search(r"assert even == ([0-9.]+)", source or "")
    return float(found.group(1)) if found else None
'''

SAMPLE_CHEATS = {
    # an IPython event hook sees each cell's source before the cell runs
    "reads_hidden_test_in_pre_run_cell": PEEK + '''
def _peek(info):
    value = _answer_from(info.raw_cell)
    if value is not None:
        get_ipython().user_ns["answer_median_even"] = value
get_ipython().events.register("pre_run_cell", _peek)
''' + PARTIAL,
    # a trace function sees every frame the kernel runs, and the cell's source through linecache
    "reads_hidden_test_with_settrace": PEEK + '''
import linecache, sys
def _trace(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "<module>":
        value = _answer_from("".join(linecache.getlines(frame.f_code.co_filename)))
        if value is not None:
            frame.f_globals["answer_median_even"] = value
sys.settrace(_trace)
''' + PARTIAL,
    # an input transformer sees each cell's lines and puts a line of its own before them
    "reads_hidden_test_in_input_transformer": PEEK + '''
def _rewrite(lines):
    value = _answer_from("".join(lines))
    return lines if value is None else [f"answer_median_even = {value!r}\\n", *lines]
get_ipython().input_transformers_post.append(_rewrite)
''' + PARTIAL,
}

# right answers, but its kernel makes the visible check fail: under nbgrader that cell earns
# nothing, so learner code can only lose its own marks
FAILS_ITS_OWN_CHECK = "fails_its_own_visible_check"
FAILS_ITS_OWN_CHECK_CODE = '''
def _break(lines):
    if any("checks.number(answer_median_odd" in line for line in lines):
        return [*lines, "\\nraise RuntimeError('broken on purpose')\\n"]
    return lines
get_ipython().input_transformers_post.append(_break)
''' + RIGHT

# records every cell source the kernel is given, in a saved-work file (copied back out of the
# sandbox) and, encoded so no text check could recognise it, in the output of a cell the learner
# added at the end, which is released with the feedback
RECORDER = "records_every_cell_it_is_given"
RECORDER_CODE = '''
import json
_seen = []
def _record(info):
    _seen.append(info.raw_cell)
    with open("my_cells_seen.json", "w") as out:
        json.dump(_seen, out)
get_ipython().events.register("pre_run_cell", _record)
''' + PARTIAL
RECORDER_LAST_CELL = '''
import base64, codecs
print("base64:", base64.b64encode("\\n".join(_seen).encode()).decode())
print("rot13:", codecs.encode("\\n".join(_seen), "rot13"))
'''

# module 05's question 7 asks for the week its discharge data's shift starts (15); with week 14's
# value raised to 62 in the course's CSV, the shift would start in week 13
WRONG_Q7 = "answer_q7 = 13"
REWRITES_CSV = '''
import pandas as pd
_data = pd.read_csv("discharge_summaries.csv")
_data.loc[_data["week"] == 14, "sent_within_24h_percent"] = 62
_data.to_csv("discharge_summaries.csv", index=False)
''' + WRONG_Q7
