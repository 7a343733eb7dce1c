from hireloop.kit.errors import Conflict, InvalidInput, NotAuthenticated


class WrongCredentials(NotAuthenticated):
    code = "wrong_credentials"

    def __init__(self) -> None:
        super().__init__("that e-mail and password do not match an active account")


class UserExists(Conflict):
    code = "user_exists"


class WeakPassword(InvalidInput):
    code = "weak_password"
