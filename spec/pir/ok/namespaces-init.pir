# .namespace scopes the subs that follow; :init subs run before :main; a sub in a PMC is called as $P0().
.namespace ['Greeter']
.sub hello
    say "hello from Greeter"
.end
.namespace []
.sub hello
    say "hello from the root"
.end
.sub setup :init
    say "init runs first"
.end
.sub main :main
    hello()
    $P0 = get_global "Greeter::hello"
    $P0()
.end
