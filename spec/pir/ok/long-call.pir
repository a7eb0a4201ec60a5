# The long call forms: .begin_call/.set_arg/.call/.get_result/.end_call (.invocant makes it a
# method call), and .begin_return/.set_return/.end_return.
.sub main :main
    .const 'Sub' f = 'pair'
    .begin_call
    .set_arg 3
    .set_arg 4 :named('y')
    .call f
    .local int s
    .get_result s
    .get_result $I1
    .end_call
    print s
    print " "
    say $I1

    $P0 = newclass 'Greeter'
    $P1 = new 'Greeter'
    .begin_call
    .set_arg "world"
    .invocant $P1
    .call 'greet'
    .get_result $S0
    .end_call
    say $S0
.end

.sub pair
    .param int x
    .param int y :named('y')
    $I0 = x + y
    $I1 = x * y
    .begin_return
    .set_return $I0
    .set_return $I1
    .end_return
.end

.namespace ['Greeter']
.sub greet :method
    .param string who
    $S0 = "hello, " . who
    .return ($S0)
.end
