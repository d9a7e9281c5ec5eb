{{! 结案通知书 — tells the parties that the case is closed and how. }}{{court_name}}
结案通知书
{{case_number}}
{{#parties}}{{name}}：
{{/parties}}　　{{plaintiff_names}}与{{defendant_names}}{{cause_name}}一案，本院于{{filed_date}}立案，已于{{closed_date}}以{{closure_method}}方式审结，本案已结案。
　　特此通知。
{{court_name}}
{{issue_date}}
（院印）
