# Recursive fib(30) through a sub call per node; prints 832040.
use strict;
use warnings;

sub fib {
    my ($n) = @_;
    return $n if $n < 2;
    my $x = fib($n - 1);
    my $y = fib($n - 2);
    return $x + $y;
}
print fib(30), "\n";
