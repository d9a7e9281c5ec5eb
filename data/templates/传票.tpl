{{! 传票 — summons to a hearing. hearing_time and hearing_place come from the court's schedule (--set). }}{{court_name}}
传　票
{{case_number}}
案　　由：{{cause_name}}
被传唤人：{{summoned_name}}
{{?summoned_address}}工作单位或者住址：{{summoned_address}}
{{/summoned_address}}传唤事由：开庭审理
应到时间：{{hearing_time}}
应到处所：{{hearing_place}}
注意事项：
　　一、被传唤人必须准时到达应到处所。
　　二、本传票由被传唤人携带来院报到。
　　三、被传唤人收到传票后，应在送达回证上签名或者盖章。
　　四、原告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以按撤诉处理（《中华人民共和国民事诉讼法》第{{cpl_plaintiff_absent_article}}条）；被告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺席判决（《中华人民共和国民事诉讼法》第{{cpl_defendant_absent_article}}条）；必须到庭的被告，经两次传票传唤，无正当理由拒不到庭的，可以拘传（《中华人民共和国民事诉讼法》第{{cpl_summons_article}}条）。
审判员　{{judge_name}}
书记员　{{clerk}}
{{issue_date}}
（院印）
