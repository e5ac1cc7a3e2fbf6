"""The authorized-agent network: agents and their lifecycle, grading, targets and equipment.

Write only through `aftersales.agents.services`.
"""

from .agent import NETWORK_MANAGERS, Agent
from .equipment import AgentEquipment, Equipment
from .grading import Grade, GradeAssignment, Scorecard, ScorecardMetric
from .lifecycle import (
    AgentDocument,
    Application,
    Contract,
    Criterion,
    Evaluation,
    EvaluationScore,
    StatusChange,
)
from .performance import ImprovementAction, Review, Target

__all__ = [
    "NETWORK_MANAGERS",
    "Agent",
    "AgentDocument",
    "AgentEquipment",
    "Application",
    "Contract",
    "Criterion",
    "Equipment",
    "Evaluation",
    "EvaluationScore",
    "Grade",
    "GradeAssignment",
    "ImprovementAction",
    "Review",
    "Scorecard",
    "ScorecardMetric",
    "StatusChange",
    "Target",
]
