"""The agent network's pages, one module per purpose."""

from .agents import AgentList, agent_create, agent_detail, agent_edit
from .equipment import equipment_check, equipment_edit, equipment_list
from .grading import (
    GradeHistoryList,
    ScorecardList,
    grade_assign,
    grade_edit,
    grade_list,
    metric_edit,
    scorecard_compute,
    scorecard_detail,
    scorecards_compute,
)
from .lifecycle import (
    apply,
    apply_done,
    contract_create,
    contract_detail,
    criteria,
    criterion_edit,
    document_attach,
    document_file,
    evaluate,
    transition,
)
from .performance import (
    ActionList,
    action_close,
    action_create,
    review_record,
    target_set,
)
from .planning import network_plan
from .portal import portal

__all__ = [
    "ActionList",
    "AgentList",
    "GradeHistoryList",
    "ScorecardList",
    "action_close",
    "action_create",
    "agent_create",
    "agent_detail",
    "agent_edit",
    "apply",
    "apply_done",
    "contract_create",
    "contract_detail",
    "criteria",
    "criterion_edit",
    "document_attach",
    "document_file",
    "equipment_check",
    "equipment_edit",
    "equipment_list",
    "evaluate",
    "grade_assign",
    "grade_edit",
    "grade_list",
    "metric_edit",
    "network_plan",
    "portal",
    "review_record",
    "scorecard_compute",
    "scorecard_detail",
    "scorecards_compute",
    "target_set",
    "transition",
]
