# A required named parameter with no argument throws when the sub binds its parameters.
.sub main :main
    f(1 :named("zz"))
.end

.sub f
    .param int a :named("a")
.end
