"""A self-check quiz: multiple-choice questions with explanations. Not graded, nothing saved."""

from dataclasses import dataclass
from html import escape

import ipywidgets as w


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str


class Quiz(w.VBox):
    """One block per question: pick an option, press Check, read why."""

    def __init__(self, questions: list[Question]) -> None:
        self.questions = questions
        self.pickers: list[w.RadioButtons] = []
        self.feedback: list[w.HTML] = []
        blocks = []
        for number, question in enumerate(questions, start=1):
            picker = w.RadioButtons(options=list(question.options), value=None,
                                    layout=w.Layout(width="auto"))
            result = w.HTML()
            button = w.Button(description="Check", button_style="info")
            button.on_click(lambda _b, i=number - 1: self.check(i))
            self.pickers.append(picker)
            self.feedback.append(result)
            blocks.append(w.VBox([w.HTML(f"<b>{number}. {escape(question.prompt)}</b>"),
                                  picker, button, result]))
        super().__init__(blocks)

    def check(self, index: int) -> bool:
        question, picker = self.questions[index], self.pickers[index]
        if picker.value is None:
            self.feedback[index].value = "Choose an option first."
            return False
        right = question.options.index(picker.value) == question.answer
        verdict = "✔ Correct." if right else (
            f"✘ Not quite: the answer is <i>{escape(question.options[question.answer])}</i>.")
        self.feedback[index].value = f"{verdict} {escape(question.explanation)}"
        return right
