/**
 * Hand-written prior polarity of common English words, -3 (very negative) to +3 (very
 * positive), chosen for how customers write to support. Written for this project (not
 * copied from any published lexicon). The fitted model (signals/sentiment-model.json) learns
 * corpus weights on top; this list gives the rule-based features (negation, intensifiers,
 * "but" clauses, caps) something to act on, and tells the sarcasm cues which words are praise.
 *
 * Format: "word:valence" entries separated by spaces, parsed once on first use.
 */
const RAW = `
love:3 loved:3 loving:2 loves:3 adore:3 adored:3 amazing:3 awesome:3 fantastic:3 wonderful:3 excellent:3
brilliant:3 perfect:3 outstanding:3 superb:3 incredible:2 marvelous:3 marvellous:3 phenomenal:3 delighted:3
thrilled:3 ecstatic:3 best:3 magnificent:3 stellar:2 flawless:3 exceptional:3 lovely:2 great:2 greatest:3
good:2 nice:2 cool:1 fine:1 glad:2 happy:2 happier:2 happiest:3 pleased:2 enjoy:2 enjoyed:2 enjoying:2
fun:2 funny:1 beautiful:2 gorgeous:2 pretty:1 impressive:2 impressed:2 helpful:2 useful:1 reliable:2
fast:1 quick:1 quickly:1 smooth:1 easy:1 easier:1 simple:1 friendly:2 kind:2 polite:1 patient:1
recommend:2 recommended:2 worth:1 satisfied:2 satisfying:2 solid:1 favorite:2 favourite:2 like:1 liked:1
likes:1 thanks:1 thank:1 thankful:2 grateful:2 appreciate:2 appreciated:2 congrats:2 congratulations:2
win:2 won:1 winning:2 yay:2 hooray:2 woohoo:2 wow:1 excited:2 exciting:2 blessed:2 lucky:2 proud:2
hope:1 hopeful:1 hopefully:1 calm:1 safe:1 fixed:1 resolved:1 solved:1 works:1 working:1 wins:2
success:2 successful:2 sweet:2 cute:1 super:2 yummy:2 delicious:2 tasty:2 comfortable:1 clean:1 fresh:1
positive:1 ok:1 okay:1 better:1 improved:1 improvement:1 glorious:3 terrific:3 joy:2 smile:2 smiling:2
laugh:1 laughing:1 lol:1 haha:1 hahaha:1 heaven:2 masterpiece:3 genius:2 legend:2 epic:2 beautifully:2 blissful:3 riveting:2 thrilling:2 swimmingly:2
hate:-3 hated:-3 hates:-3 awful:-3 terrible:-3 horrible:-3 horrendous:-3 atrocious:-3 worst:-3 disgusting:-3
disgusted:-3 furious:-3 livid:-3 outraged:-3 outrageous:-3 unacceptable:-3 pathetic:-3 useless:-3
garbage:-3 trash:-3 rubbish:-2 crap:-2 crappy:-2 shit:-2 shitty:-3 sucks:-2 suck:-2 sucked:-2 scam:-3
fraud:-3 ripoff:-3 disaster:-3 nightmare:-3 incompetent:-3 ridiculous:-2 joke:-1 bad:-2 worse:-2 poor:-2
poorly:-2 sad:-2 unhappy:-2 upset:-2 angry:-3 mad:-2 annoyed:-2 annoying:-2 frustrated:-2 frustrating:-2
frustration:-2 disappointed:-2 disappointing:-2 disappointment:-2 fail:-2 failed:-2 fails:-2 failing:-2
failure:-2 broken:-2 broke:-2 breaks:-2 break:-1 crash:-2 crashed:-2 crashes:-2 crashing:-2 bug:-1
buggy:-2 bugs:-1 error:-1 errors:-1 wrong:-2 problem:-1 problems:-1 issue:-1 issues:-1 slow:-1 slower:-1
late:-1 delay:-1 delayed:-1 missing:-1 lost:-1 damaged:-2 defective:-2 faulty:-2 waste:-2 wasted:-2
wasting:-2 overpriced:-2 expensive:-1 rude:-2 unhelpful:-2 ignored:-2 ignoring:-2 ignore:-1 worried:-1
worry:-1 afraid:-1 scared:-1 sorry:-1 unfortunately:-1 sick:-1 tired:-1 bored:-1 boring:-2 stupid:-2
dumb:-2 idiot:-3 idiots:-3 hell:-2 damn:-1 dammit:-2 wtf:-2 ugh:-2 meh:-1 hurt:-2 pain:-2 painful:-2
cry:-2 crying:-2 die:-2 dead:-2 death:-2 kill:-2 killed:-2 killing:-2 war:-2 attack:-2 violence:-3
terrorist:-3 evil:-3 racist:-3 lie:-2 lies:-2 lying:-2 liar:-3 cheat:-2 cheated:-2 stolen:-2 steal:-2
refuse:-1 refused:-2 reject:-1 rejected:-2 denied:-2 cancelled:-1 canceled:-1 stuck:-1 mess:-2 messed:-2
unusable:-3 unreliable:-2 confusing:-1 confused:-1 complain:-1 complaint:-1 complaints:-1 worthless:-3
horrific:-3 dreadful:-3 lousy:-2 mediocre:-1 shame:-2 shameful:-3 sloppy:-2 miserable:-3 hopeless:-2
fed:-1 sucky:-2 lame:-2 fake:-2 bullshit:-3 pissed:-3 hassle:-2 nonsense:-2 insulting:-3 insult:-2
never:-1 nothing:-1 nobody:-1 unfair:-2 charged:-1 overcharged:-3 spam:-2
`;

let cache: Map<string, number> | null = null;

/** Word → prior valence in [-3, 3]; words not listed are neutral. */
export function polarityLexicon(): ReadonlyMap<string, number> {
  if (cache) return cache;
  const map = new Map<string, number>();
  for (const entry of RAW.split(/\s+/)) {
    const colon = entry.lastIndexOf(':');
    if (colon <= 0) continue;
    map.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
  }
  cache = map;
  return map;
}
