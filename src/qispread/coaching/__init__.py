"""A tutor's coaching view of a cohort's projects (`qispread cohort projects`).

The flow, one module per step: `submitted` finds each learner's newest submitted project and copies
it safely; `glance` reads one project as a coach would; `comments` keeps the tutor's comment on
each part (a spreadsheet the tutor fills in); `page` draws the cohort page; `returned` adds each
learner's own comments to their feedback page. It sits above grading (it reads the course through
it) and above the learners' tools (it reads projects with their own checks and draws with plots).
"""
