from hireloop.kit.errors import InvalidInput


class UnknownStage(InvalidInput):
    code = "unknown_stage"
