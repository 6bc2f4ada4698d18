<?php
// Creates one conversation from JSON on stdin and prints its id:
// {"subject": "...", "customer": {"email": "...", "first": "...", "last": "..."},
//  "messages": [{"from": "customer" | "agent", "text": "..."}, ...]}   (oldest first)
// Threads get increasing creation times, as real mail would, so FreeScout lists them newest first.
require getcwd().'/vendor/autoload.php';
$app = require getcwd().'/bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

$spec = json_decode(stream_get_contents(STDIN), true, 16, JSON_THROW_ON_ERROR);
$user = App\User::where('email', $spec['agent'] ?? 'agent@replyguard.test')->firstOrFail();
$mailbox = App\Mailbox::where('email', 'support@acme-support.com')->firstOrFail();
$c = $spec['customer'];
$customer = App\Customer::create($c['email'], ['first_name' => $c['first'], 'last_name' => $c['last']]);

$conversation = new App\Conversation();
$conversation->type = App\Conversation::TYPE_EMAIL;
$conversation->subject = $spec['subject'];
$conversation->mailbox_id = $mailbox->id;
$conversation->source_via = App\Conversation::PERSON_CUSTOMER;
$conversation->source_type = App\Conversation::SOURCE_TYPE_EMAIL;
$conversation->customer_id = $customer->id;
$conversation->customer_email = $c['email'];
$conversation->status = App\Conversation::STATUS_ACTIVE;
$conversation->state = App\Conversation::STATE_PUBLISHED;
$conversation->preview = '';
$conversation->updateFolder();
$conversation->save();

$start = time() - 3600 * count($spec['messages']);
foreach ($spec['messages'] as $i => $m) {
    $fromCustomer = $m['from'] === 'customer';
    $thread = new App\Thread();
    $thread->conversation_id = $conversation->id;
    $thread->type = $fromCustomer ? App\Thread::TYPE_CUSTOMER : App\Thread::TYPE_MESSAGE;
    $thread->body = '<p>'.nl2br(htmlspecialchars($m['text'], ENT_QUOTES)).'</p>';
    $thread->status = $conversation->status;
    $thread->state = App\Thread::STATE_PUBLISHED;
    $thread->source_via = $fromCustomer ? App\Thread::PERSON_CUSTOMER : App\Thread::PERSON_USER;
    $thread->source_type = App\Thread::SOURCE_TYPE_EMAIL;
    $thread->customer_id = $customer->id;
    if ($fromCustomer) {
        $thread->created_by_customer_id = $customer->id;
        $thread->from = $c['email'];
    } else {
        $thread->created_by_user_id = $user->id;
        $thread->user_id = $user->id;
    }
    $thread->first = $i === 0;
    $thread->created_at = date('Y-m-d H:i:s', $start + 3600 * $i);
    $thread->updated_at = $thread->created_at;
    $thread->save();
}
$conversation->threads_count = count($spec['messages']);
$conversation->last_reply_at = date('Y-m-d H:i:s', $start + 3600 * (count($spec['messages']) - 1));
$conversation->save();
$mailbox->updateFoldersCounters();
echo $conversation->id, "\n";
