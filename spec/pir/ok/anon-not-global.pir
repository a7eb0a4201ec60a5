.sub main :main
    .local pmc s
    s = get_global 'helper'
    s()
    s = find_name 'hidden'
    if null s goto none
    print "found\n"
  none:
    .const 'Sub' c = 'hidden'
    c()
.end

.sub hidden :anon
    print "anon called\n"
.end

.sub helper :anon
    print "anon helper\n"
.end

.sub helper
    print "named helper\n"
.end
