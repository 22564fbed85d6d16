import sys,re
def rd(f):
    d={}
    for l in open(f):
        m=re.match(r'(.{24}) (.{18}) ([0-9.]+) (.*)',l.rstrip('\n'))
        if m: d[(m.group(1).strip(),m.group(2).strip())]=(m.group(3),m.group(4))
    return d
a=rd(sys.argv[1]); b=rd(sys.argv[2])
for k in a:
    print(f"{k[0]:24} {k[1]:18} {a[k][0]} -> {b.get(k,('-',''))[0]}   {b.get(k,('',''))[1]}")
