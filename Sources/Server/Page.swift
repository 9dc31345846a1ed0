/// The one page `GET /` serves: choose a folder or files, upload, watch the job, read the findings, preview a
/// cited cell, download the forms. Plain HTML and script, no outside resources; every API call carries the
/// page URL's token as `Authorization: Bearer`, downloads included (fetched, then saved from a blob).
enum Page {
    static let html = #"""
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>BudgetEval 预算绩效自评</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;max-width:70em}
h1{font-size:1.4em} table{border-collapse:collapse;margin:.5em 0} td,th{border:1px solid #ccc;padding:2px 6px;font-size:.9em}
.错误{color:#b00}.警告{color:#a60}.提示{color:#555} .cell{cursor:pointer;text-decoration:underline dotted}
#preview td.hit{background:#ffe08a;font-weight:bold} .dept{border-top:2px solid #888;margin-top:1em;padding-top:.5em}
</style></head><body>
<h1>BudgetEval 预算绩效自评</h1>
<p>选择部门文件夹（每个子文件夹为一个部门），或选择若干表格文件（按编制单位归组），然后上传。文件只保存在本机，一小时后删除。</p>
<p><label>文件夹：<input type="file" id="dir" webkitdirectory multiple></label>
<label>或文件：<input type="file" id="files" multiple accept=".xlsx,.xlsm,.csv,.txt,.docx,.md"></label>
<button id="go">上传并检查</button></p>
<div id="state"></div><div id="out"></div><div id="preview"></div>
<script>
const token=new URLSearchParams(location.search).get('token');
const auth=token?{'Authorization':'Bearer '+token}:{};
const $=id=>document.getElementById(id);
function esc(s){return String(s??'').replace(/[&<>"']/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]))}
async function api(url,opt={}){opt.headers=Object.assign({},auth,opt.headers||{});const r=await fetch(url,opt);
 if(!r.ok){let m=r.status+'';try{m=(await r.json()).error.message}catch(e){}throw new Error(m)}return r}
$('go').onclick=async()=>{
 const fd=new FormData();let n=0;
 for(const f of $('dir').files){fd.append('files',f,f.webkitRelativePath.split('/').slice(1).join('/')||f.name);n++}
 for(const f of $('files').files){fd.append('files',f,f.name);n++}
 if(!n){$('state').textContent='请先选择文件。';return}
 $('state').textContent='上传中…';$('out').innerHTML='';
 try{const r=await api('/api/jobs',{method:'POST',body:fd});poll((await r.json()).id)}catch(e){$('state').textContent='上传失败：'+e.message}
};
async function poll(id){
 const j=await (await api('/api/jobs/'+id)).json();
 $('state').textContent='任务 '+({queued:'排队中',running:'处理中',done:'已完成',failed:'失败'}[j.status])+'（'+j.progress.done+'/'+j.progress.total+'）'+(j.error?'：'+j.error.message:'');
 if(j.status==='queued'||j.status==='running'){setTimeout(()=>poll(id),1000);return}
 show(id,j);
}
function link(name,url){return '<a href="#" data-url="'+esc(url)+'" data-name="'+esc(name)+'">'+esc(name)+'</a>'}
function show(id,j){
 let h='<p>汇总：'+Object.entries(j.downloads).map(([k,v])=>link(k,v)).join('　')+'</p>';
 for(const d of j.departments){
  h+='<div class="dept"><h2>'+esc(d.name)+'（'+esc({ok:'成功',checked:'已检查',failed:'失败'}[d.status])+'）</h2>';
  if(d.reason)h+='<p>'+esc(d.reason)+'</p>'; if(d.error)h+='<p class="错误">'+esc(d.error.message)+'</p>';
  if(d.forms&&d.forms.department){const f=d.forms.department;h+='<p>部门整体总分：'+esc(f.totalScore??'—')+(f.grade?'（'+esc(f.grade)+'）':'（不评级）')+'</p>'}
  h+='<p>下载：'+Object.entries(d.downloads).map(([k,v])=>link(k,v)).join('　')+'</p>';
  h+='<table><tr><th>级别</th><th>规则</th><th>位置</th><th>说明</th></tr>';
  for(const f of d.findings){const v={error:'错误',warning:'警告',hint:'提示'}[f.severity]??f.severity;h+='<tr class="'+esc(v)+'"><td>'+esc(v)+'</td><td>'+esc(f.rule)+'</td><td>'+
   f.cells.map(c=>'<span class="cell" data-dept="'+esc(d.name)+'" data-cell="'+esc(c)+'">'+esc(c)+'</span>').join('<br>')+'</td><td>'+esc(f.message)+'</td></tr>'}
  h+='</table></div>';
 }
 $('out').innerHTML=h;
 for(const a of document.querySelectorAll('a[data-url]'))a.onclick=async e=>{e.preventDefault();
  const b=await (await api(a.dataset.url)).blob();const u=URL.createObjectURL(b);const t=document.createElement('a');t.href=u;t.download=a.dataset.name.split('/').pop();t.click();setTimeout(()=>URL.revokeObjectURL(u),1000)};
 for(const s of document.querySelectorAll('.cell'))s.onclick=async()=>{
  const p=s.dataset.cell.split(' › ');if(p.length<3)return;
  const e=encodeURIComponent,q='file='+e(s.dataset.dept+'/'+p[0])+'&sheet='+e(p.slice(1,-1).join(' › '))+'&cell='+e(p[p.length-1]);
  try{const v=await (await api('/api/jobs/'+id+'/preview?'+q)).json();
   let t='<h3>'+esc(v.file+' › '+v.sheet+' › '+v.cell)+'</h3><table><tr><th></th>'+v.columns.map(c=>'<th>'+esc(c)+'</th>').join('')+'</tr>';
   for(const r of v.rows)t+='<tr><th>'+r.row+'</th>'+r.cells.map((c,i)=>'<td class="'+(v.columns[i]+r.row===v.cell?'hit':'')+'">'+esc(c)+'</td>').join('')+'</tr>';
   $('preview').innerHTML=t+'</table>';$('preview').scrollIntoView()}catch(e){$('preview').textContent='无法预览：'+e.message}};
}
const shown=new URLSearchParams(location.search).get('job');if(shown)poll(shown).catch(e=>{$('state').textContent=e.message});
</script></body></html>
"""#
}
