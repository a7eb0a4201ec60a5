# Insert 200,000 string keys "k0".."k199999" (built by concatenating "k"
# and the integer) with value i into a hash, then build each key again,
# look it up and sum the values; prints 19999900000.
use strict;
use warnings;

my %h;
my $i = 0;
do {
    my $k = "k" . $i;
    $h{$k} = $i;
    $i = $i + 1;
} while ($i < 200000);
$i = 0;
my $sum = 0;
do {
    my $k = "k" . $i;
    $sum = $sum + $h{$k};
    $i = $i + 1;
} while ($i < 200000);
print $sum, "\n";
