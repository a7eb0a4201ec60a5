# The pieces of a long call only stand between its .begin_ and .end_ lines, in order, and
# the sub may not end inside one.
.sub main :main
    .set_arg 1
    .begin_call
    .get_result $I0
    .call 'f'
    .set_arg 2
    .end_call
    .begin_return
.end
