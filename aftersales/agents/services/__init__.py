"""Every write on the agent network: keyword-only, atomic, type-hinted."""

from .agents import agent_create, agent_update
from .equipment import equipment_check
from .grading import grade_assign, scorecard_compute, scorecards_compute
from .lifecycle import (
    agent_apply,
    agent_evaluate,
    agent_transition,
    contract_create,
    document_attach,
)
from .performance import action_close, action_create, review_record, target_set
from .setup import criterion_save, equipment_save, grade_save, metric_save

__all__ = [
    "action_close",
    "action_create",
    "agent_apply",
    "agent_create",
    "agent_evaluate",
    "agent_transition",
    "agent_update",
    "contract_create",
    "criterion_save",
    "document_attach",
    "equipment_check",
    "equipment_save",
    "grade_assign",
    "grade_save",
    "metric_save",
    "review_record",
    "scorecard_compute",
    "scorecards_compute",
    "target_set",
]
